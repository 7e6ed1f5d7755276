#pragma once
// Concept linking: finds KG node names, aliases and lexicon synonyms in free text by the
// longest match over normalized tokens (core/TextNormalizer.h), so "Type-2 diabetes
// mellitus" and "type 2 diabetes mellitus" link alike. Built once per graph; link() and
// find() are const and safe to call from several threads.
#include "CaseAnalysis.h"
#include "ImportError.h"
#include "KnowledgeGraph.h"
#include "TextNormalizer.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace rs {

// Declared outside NameIndex only because a nested struct with member initializers cannot
// be a defaulted argument of its enclosing class's constructor; use NameIndex::Options.
struct NameIndexOptions {
    // Gene symbols (a gene's KG names, one-word synonyms, abbreviations) link only when
    // written all in capitals ("BRCA1", not "brca1"), at least minGeneSymbolLength bytes
    // long and not on the stoplist. Off: they never link. Multi-word lexicon synonyms of a
    // gene ("tumor protein p53") link like any synonym either way.
    bool matchGeneSymbols = true;
    std::size_t minGeneSymbolLength = 3;
};

class NameIndex {
public:
    using Options = NameIndexOptions;

    // Link scores by how a form entered the index.
    static constexpr double kNameScore = 1.0;         // node name or graph alias
    static constexpr double kSynonymScore = 0.9;      // lexicon synonym
    static constexpr double kAbbreviationScore = 0.8; // lexicon abbreviation, case-sensitive

    explicit NameIndex(const KnowledgeGraph& graph, Options options = {});
    NameIndex(const NameIndex&) = delete;
    NameIndex& operator=(const NameIndex&) = delete;

    // TSV with a header `name kind synonym type` ('#' lines are comments). False only when
    // the file cannot be read; each malformed row becomes an ImportError and is skipped.
    // Rows naming a node the graph does not have are expected (the lexicon serves several
    // KGs) and only counted, see unmatchedSynonymRows().
    bool loadSynonyms(const std::string& path, std::vector<ImportError>* errors);
    // One gene symbol per line ('#' starts a comment): symbols that are clinical
    // abbreviations (ACE, CT, MRI, ...) and must not link to the gene.
    bool loadGeneSymbolStoplist(const std::string& path, std::vector<ImportError>* errors);

    // Non-overlapping mentions, left to right, each the longest acceptable match starting
    // at its first token; offsets are byte offsets into text. When a form names several
    // nodes the kind decides (Disease > Symptom > Compound > Anatomy > Pharmacologic Class >
    // Side Effect > other kinds > Gene; PrimeKG's kind names count as their Hetionet
    // equivalents), then name > synonym > abbreviation, then the lower node id. Never
    // linked: pure numbers, one-letter words and single everyday English words (a built-in
    // list), except as a case-sensitive lexicon abbreviation ("ALL").
    std::vector<Mention> link(std::string_view text) const;
    // The same with the tokens of text already computed (tokenize(text)).
    std::vector<Mention> link(std::string_view text, const std::vector<Token>& tokens) const;
    // The node whose name, alias or synonym equals the whole of name (after normalization),
    // under the same acceptance rules as link().
    std::optional<NodeId> find(std::string_view name) const;

    std::size_t synonymCount() const { return synonymCount_; }
    std::size_t unmatchedSynonymRows() const { return unmatchedSynonymRows_; }
    std::size_t stoplistSize() const { return geneStoplist_.size(); }

private:
    enum class Form : std::uint8_t { Name, Synonym, Abbreviation };

    struct Entry {
        NodeId node = kNoNode;
        Form form = Form::Name;
        std::uint8_t kindRank = 0; // lower is preferred
        bool gene = false;
        bool definedOnly = false; // see add()
        std::uint32_t text = 0;   // index into forms_: the dictionary form as written
        // Abbreviations only: the tokens as written, joined by '\x1f', compared byte-exact.
        std::uint32_t exactTokens = 0;
    };

    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept {
            return std::hash<std::string_view>{}(s);
        }
    };

    // definedOnly: an abbreviation with several clinical meanings ("GBS"), linked only in a
    // text that also names its node another way (NameIndex.cpp, link()).
    void add(NodeId node, std::string_view form, Form how, bool definedOnly = false);
    std::uint32_t internToken(const std::string& token);
    // The id of a token, UINT32_MAX when no name has it.
    std::uint32_t tokenId(std::string_view token) const;
    static std::uint32_t tokenHash(std::string_view token);
    void addTokenSlot(std::uint32_t id);
    std::uint32_t childOf(std::uint32_t trieNode, std::uint32_t token) const;
    void setChild(std::uint32_t trieNode, std::uint32_t token, std::uint32_t child);
    // The slot of children_ that holds key, or the empty one where it would go.
    std::size_t childSlot(std::uint64_t key) const;
    // The preferred entry of a trie node that the text span [first, last] may link to, or
    // nullptr.
    const Entry* accept(std::uint32_t trieNode, std::string_view text,
                        const std::vector<Token>& tokens, std::size_t first,
                        std::size_t last) const;
    static std::uint8_t rankOfKind(std::string_view kind);
    static constexpr std::uint8_t kGeneRank = 7;

    const KnowledgeGraph& graph_;
    Options options_;
    std::vector<std::uint8_t> kindRanks_; // by KindId

    // Token ids in an open-addressing table: link() looks up every token of a text, and a
    // node-based hash map's lookups took a third of linking. Per slot the token's hash in
    // the high half and 1 + its id in the low half, 0 when empty; at most half full.
    std::vector<std::uint64_t> tokenSlots_;
    std::vector<std::string> tokenTexts_; // by id
    // Trie over token ids. The root's children by token id, 0 for none (link() asks for one
    // at every token of a text); the others in an open-addressing table keyed by (node,
    // token), at most half full: a node-based hash map's lookups were most of linking.
    static constexpr std::uint64_t kNoChildKey = UINT64_MAX;
    struct Child {
        std::uint64_t key = kNoChildKey; // trie node << 32 | token id
        std::uint32_t node = 0;
    };
    std::vector<Child> children_;
    std::size_t childCount_ = 0;
    std::vector<std::uint32_t> rootChildren_;
    std::vector<std::vector<Entry>> entries_; // per trie node, best entry first
    std::vector<std::string> forms_;

    // Normalized node names and aliases -> nodes, to resolve the lexicon's `name` column.
    std::unordered_map<std::string, std::vector<NodeId>, StringHash, std::equal_to<>> byName_;
    std::unordered_set<std::string, StringHash, std::equal_to<>> geneStoplist_;
    std::size_t synonymCount_ = 0;
    std::size_t unmatchedSynonymRows_ = 0;
};

} // namespace rs
