#include "NameIndex.h"

#include "InputFile.h"
#include "NameVariants.h"
#include "TextNormalizer.h"

#include <algorithm>
#include <iterator>
#include <tuple>
#include <unordered_set>

namespace rs {

namespace {

// Single-token names that are everyday English words are never linked, whatever the kind
// and however the lexicon spells them (only a case-sensitive abbreviation such as "ALL"
// may still link, because it cannot match the lower-case word). This is a small built-in
// list rather than a lexicon file so that linking stays safe when no lexicon is installed;
// it holds function words and the words that collide with Hetionet/PrimeKG names (mostly
// gene symbols: WAS, SET, CAT, MAX, REST, IMPACT, ...). Sorted for binary search.
constexpr std::string_view kCommonWords[] = {
    "a",     "about", "act",   "after",  "age",   "all",  "also",   "am",     "an",   "and",
    "any",   "are",   "as",    "at",     "bad",   "be",   "been",   "before", "best", "big",
    "both",  "but",   "by",    "can",    "cast",  "cat",  "chat",   "clock",  "cold", "cope",
    "could", "did",   "do",    "does",   "each",  "end",  "even",   "far",    "fast", "few",
    "for",   "from",  "fry",   "gem",    "get",   "had",  "has",    "have",   "he",   "her",
    "his",   "how",   "if",    "impact", "in",    "into", "is",     "it",     "its",  "just",
    "key",   "kit",   "large", "less",   "like",  "man",  "max",    "may",    "men",  "might",
    "more",  "most",  "much",  "must",   "new",   "no",   "not",    "now",    "of",   "old",
    "on",    "one",   "only",  "or",     "other", "our",  "out",    "over",   "per",  "pigs",
    "pole",  "ran",   "rest",  "same",   "set",   "she",  "should", "ski",    "so",   "some",
    "star",  "such",  "tank",  "than",   "that",  "the",  "their",  "them",   "then", "there",
    "these", "they",  "this",  "those",  "to",    "too",  "trap",   "up",     "us",   "very",
    "via",   "was",   "we",    "were",   "what",  "when", "which",  "who",    "will", "with",
    "would", "yes",   "you",   "your"};

static_assert(std::is_sorted(std::begin(kCommonWords), std::end(kCommonWords)));

bool isCommonWord(std::string_view norm) {
    return std::binary_search(std::begin(kCommonWords), std::end(kCommonWords), norm);
}

bool isDigits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool hasAsciiLower(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string asciiLower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    return out;
}

std::vector<std::string_view> splitTabs(std::string_view line) {
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    while (true) {
        const std::size_t tab = line.find('\t', start);
        fields.push_back(trimSpace(line.substr(start, tab - start)));
        if (tab == std::string_view::npos)
            break;
        start = tab + 1;
    }
    return fields;
}

constexpr char kTokenSeparator = '\x1f';

} // namespace

NameIndex::NameIndex(const KnowledgeGraph& graph, Options options)
    : graph_(graph), options_(options) {
    entries_.emplace_back(); // the trie root
    for (KindId k = 0; k < graph.kindCount(); ++k)
        kindRanks_.push_back(rankOfKind(graph.kindName(k)));
    byName_.reserve(graph.nodeCount());
    for (NodeId n = 0; n < graph.nodeCount(); ++n) {
        add(n, graph.name(n), Form::Name);
        byName_[normalizeName(graph.name(n))].push_back(n);
        for (const std::string& alias : graph.aliases(n)) {
            add(n, alias, Form::Name);
            auto& nodes = byName_[normalizeName(alias)];
            if (std::find(nodes.begin(), nodes.end(), n) == nodes.end())
                nodes.push_back(n);
        }
    }
    // Plurals and word-order variants of the names, as synonyms (an exact name of another
    // node still wins). Genes have none: their names are symbols.
    for (NodeId n = 0; n < graph.nodeCount(); ++n) {
        if (kindRanks_[graph.kindId(n)] == kGeneRank)
            continue;
        for (const std::string& v : nameVariants(graph.name(n)))
            add(n, v, Form::Synonym);
    }
}

// Clinical kinds first, so "hypertension" links to the disease rather than to the side
// effect of the same name, and genes last because their symbols collide with everything.
// PrimeKG's kind names map onto Hetionet's.
std::uint8_t NameIndex::rankOfKind(std::string_view kindName) {
    const std::string kind = asciiLower(kindName);
    if (kind == "disease")
        return 0;
    if (kind == "symptom" || kind == "effect/phenotype")
        return 1;
    if (kind == "compound" || kind == "drug")
        return 2;
    if (kind == "anatomy")
        return 3;
    if (kind == "pharmacologic class")
        return 4;
    if (kind == "side effect")
        return 5;
    if (kind == "gene" || kind == "gene/protein")
        return kGeneRank;
    return 6;
}

std::uint32_t NameIndex::internToken(const std::string& token) {
    if (const std::uint32_t id = tokenId(token); id != UINT32_MAX)
        return id;
    const auto id = std::uint32_t(tokenTexts_.size());
    tokenTexts_.push_back(token);
    if (2 * tokenTexts_.size() > tokenSlots_.size()) {
        tokenSlots_.assign(std::max<std::size_t>(1024, 2 * tokenSlots_.size()), 0);
        for (std::uint32_t t = 0; t < tokenTexts_.size(); ++t)
            addTokenSlot(t);
    } else {
        addTokenSlot(id);
    }
    return id;
}

std::uint32_t NameIndex::tokenHash(std::string_view token) {
    std::uint64_t h = 14695981039346656037ull; // FNV-1a: tokens are short words
    for (const char c : token) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    return std::uint32_t(h ^ (h >> 32));
}

void NameIndex::addTokenSlot(std::uint32_t id) {
    const std::uint32_t h = tokenHash(tokenTexts_[id]);
    const std::size_t mask = tokenSlots_.size() - 1;
    std::size_t i = h & mask;
    while (tokenSlots_[i] != 0)
        i = (i + 1) & mask;
    tokenSlots_[i] = (std::uint64_t(h) << 32) | (std::uint64_t(id) + 1);
}

std::uint32_t NameIndex::tokenId(std::string_view token) const {
    if (tokenSlots_.empty())
        return UINT32_MAX;
    const std::uint32_t h = tokenHash(token);
    const std::size_t mask = tokenSlots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        const std::uint64_t slot = tokenSlots_[i];
        if (slot == 0)
            return UINT32_MAX;
        if (std::uint32_t(slot >> 32) == h) {
            const std::uint32_t id = std::uint32_t(slot) - 1;
            if (tokenTexts_[id] == token)
                return id;
        }
    }
}

std::size_t NameIndex::childSlot(std::uint64_t key) const {
    std::uint64_t h = key ^ (key >> 29); // a 64-bit mix: keys differ in few bits
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 32;
    const std::size_t mask = children_.size() - 1;
    std::size_t i = std::size_t(h) & mask;
    while (children_[i].key != kNoChildKey && children_[i].key != key)
        i = (i + 1) & mask;
    return i;
}

std::uint32_t NameIndex::childOf(std::uint32_t trieNode, std::uint32_t token) const {
    if (trieNode == 0)
        return token < rootChildren_.size() ? rootChildren_[token] : 0;
    if (children_.empty())
        return 0;
    const Child& c = children_[childSlot((std::uint64_t(trieNode) << 32) | token)];
    return c.key == kNoChildKey ? 0 : c.node;
}

void NameIndex::setChild(std::uint32_t trieNode, std::uint32_t token, std::uint32_t child) {
    if (trieNode == 0) {
        if (rootChildren_.size() <= token)
            rootChildren_.resize(std::size_t(token) + 1, 0);
        rootChildren_[token] = child;
        return;
    }
    if (2 * (childCount_ + 1) > children_.size()) {
        std::vector<Child> old(std::max<std::size_t>(1024, 2 * children_.size()));
        old.swap(children_);
        for (const Child& c : old)
            if (c.key != kNoChildKey)
                children_[childSlot(c.key)] = c;
    }
    const std::uint64_t key = (std::uint64_t(trieNode) << 32) | token;
    children_[childSlot(key)] = {key, child};
    ++childCount_;
}

void NameIndex::add(NodeId node, std::string_view form, Form how, bool definedOnly) {
    const std::vector<Token> tokens = tokenize(form);
    if (tokens.empty())
        return;
    std::uint32_t trieNode = 0;
    for (const Token& t : tokens) {
        const std::uint32_t token = internToken(t.norm);
        std::uint32_t child = childOf(trieNode, token);
        if (child == 0) {
            child = std::uint32_t(entries_.size());
            entries_.emplace_back();
            setChild(trieNode, token, child);
        }
        trieNode = child;
    }

    std::string exact;
    if (how == Form::Abbreviation)
        for (const Token& t : tokens) {
            if (!exact.empty())
                exact.push_back(kTokenSeparator);
            exact.append(form.substr(t.begin, t.end - t.begin));
        }

    // A case-insensitive form of a node covers every weaker form of the same node with the
    // same tokens, so keep only the strongest (an abbreviation beside the name is moot).
    std::vector<Entry>& list = entries_[trieNode];
    for (const Entry& e : list) {
        if (e.node != node)
            continue;
        if (e.form != Form::Abbreviation && e.form <= how)
            return;
        if (e.form == Form::Abbreviation && how == Form::Abbreviation &&
            forms_[e.exactTokens] == exact)
            return;
    }
    if (how != Form::Abbreviation)
        std::erase_if(list, [&](const Entry& e) { return e.node == node && e.form > how; });

    Entry entry;
    entry.node = node;
    entry.form = how;
    entry.kindRank = kindRanks_[graph_.kindId(node)];
    entry.gene = entry.kindRank == kGeneRank;
    entry.definedOnly = definedOnly;
    entry.text = std::uint32_t(forms_.size());
    forms_.emplace_back(form);
    if (how == Form::Abbreviation) {
        entry.exactTokens = std::uint32_t(forms_.size());
        forms_.push_back(std::move(exact));
    }
    auto rank = [](const Entry& e) { return std::tuple(e.kindRank, e.form, e.node); };
    list.insert(std::upper_bound(list.begin(), list.end(), entry,
                                 [&](const Entry& a, const Entry& b) { return rank(a) < rank(b); }),
                entry);
}

const NameIndex::Entry* NameIndex::accept(std::uint32_t trieNode, std::string_view text,
                                          const std::vector<Token>& tokens, std::size_t first,
                                          std::size_t last) const {
    const std::vector<Entry>& list = entries_[trieNode];
    if (list.empty())
        return nullptr;
    bool allDigits = true;
    for (std::size_t i = first; i <= last && allDigits; ++i)
        allDigits = isDigits(tokens[i].norm);
    if (allDigits)
        return nullptr; // "2" or "12 5" are quantities, not concepts
    // One-letter words ("A", "I") and everyday words are too ambiguous to link by name.
    const bool ambiguousWord =
        first == last && (tokens[first].norm.size() < 2 || isCommonWord(tokens[first].norm));

    const auto spanNorm = [&] {
        std::string norm;
        for (std::size_t i = first; i <= last; ++i) {
            if (!norm.empty())
                norm.push_back(' ');
            norm += tokens[i].norm;
        }
        return norm;
    };
    // A gene symbol links only as written in capitals ("BRCA1", "HLA-B"), long enough, and
    // not a clinical abbreviation from the stoplist.
    int symbolOk = -1; // computed on first need
    const auto symbolAcceptable = [&] {
        if (!options_.matchGeneSymbols)
            return false;
        std::size_t length = 0;
        for (std::size_t i = first; i <= last; ++i) {
            const std::string_view raw =
                text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
            if (hasAsciiLower(raw))
                return false;
            length += raw.size();
        }
        return length >= options_.minGeneSymbolLength && !geneStoplist_.contains(spanNorm());
    };

    for (const Entry& e : list) {
        if (e.form == Form::Abbreviation) {
            // Compare the text's tokens byte for byte with the abbreviation as written.
            std::string_view want = forms_[e.exactTokens];
            bool same = true;
            for (std::size_t i = first; i <= last && same; ++i) {
                const std::size_t sep = want.find(kTokenSeparator);
                const std::string_view part = want.substr(0, sep);
                same = part == text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
                want = sep == std::string_view::npos ? std::string_view() : want.substr(sep + 1);
            }
            if (!same)
                continue;
        } else if (ambiguousWord) {
            continue;
        }
        if (e.gene) {
            bool ok;
            if (e.form == Form::Synonym && first != last)
                ok = true; // a curated full name ("angiotensin-converting enzyme")
            else if (e.form == Form::Abbreviation)
                ok = options_.matchGeneSymbols && !geneStoplist_.contains(spanNorm());
            else {
                if (symbolOk < 0)
                    symbolOk = symbolAcceptable() ? 1 : 0;
                ok = symbolOk == 1;
            }
            if (!ok)
                continue;
        }
        return &e;
    }
    return nullptr;
}

std::vector<Mention> NameIndex::link(std::string_view text) const {
    return link(text, tokenize(text));
}

std::vector<Mention> NameIndex::link(std::string_view text,
                                     const std::vector<Token>& tokens) const {
    std::vector<Mention> mentions;
    std::vector<bool> definedOnly; // per mention: linked by a defined-only abbreviation
    std::vector<std::uint32_t> ids(tokens.size(), UINT32_MAX);
    for (std::size_t i = 0; i < tokens.size(); ++i)
        ids[i] = tokenId(tokens[i].norm);

    std::size_t i = 0;
    while (i < tokens.size()) {
        const Entry* best = nullptr;
        std::size_t bestLast = i;
        std::uint32_t trieNode = 0;
        for (std::size_t j = i; j < tokens.size() && ids[j] != UINT32_MAX; ++j) {
            trieNode = childOf(trieNode, ids[j]);
            if (trieNode == 0)
                break;
            if (const Entry* e = accept(trieNode, text, tokens, i, j)) {
                best = e;
                bestLast = j;
            }
        }
        if (!best) {
            ++i;
            continue;
        }
        Mention m;
        m.begin = tokens[i].begin;
        m.end = tokens[bestLast].end;
        m.node = best->node;
        m.score = best->form == Form::Name      ? kNameScore
                  : best->form == Form::Synonym ? kSynonymScore
                                                : kAbbreviationScore;
        m.matched = forms_[best->text];
        mentions.push_back(std::move(m));
        definedOnly.push_back(best->definedOnly);
        i = bestLast + 1;
    }
    // "GBS" is Guillain-Barre syndrome only where the text names that syndrome too ("...
    // Guillain-Barre syndrome (GBS)"); elsewhere it may be group B streptococcus.
    if (std::find(definedOnly.begin(), definedOnly.end(), true) != definedOnly.end()) {
        std::unordered_set<NodeId> named;
        for (std::size_t k = 0; k < mentions.size(); ++k)
            if (!definedOnly[k])
                named.insert(mentions[k].node);
        std::size_t k = 0;
        std::erase_if(mentions, [&](const Mention& m) {
            return definedOnly[k++] && !named.contains(m.node);
        });
    }
    return mentions;
}

std::optional<NodeId> NameIndex::find(std::string_view name) const {
    const std::vector<Token> tokens = tokenize(name);
    if (tokens.empty())
        return std::nullopt;
    std::uint32_t trieNode = 0;
    for (const Token& t : tokens) {
        const std::uint32_t id = tokenId(t.norm);
        if (id == UINT32_MAX)
            return std::nullopt;
        trieNode = childOf(trieNode, id);
        if (trieNode == 0)
            return std::nullopt;
    }
    if (const Entry* e = accept(trieNode, name, tokens, 0, tokens.size() - 1))
        return e->node;
    return std::nullopt;
}

bool NameIndex::loadSynonyms(const std::string& path, std::vector<ImportError>* errors) {
    auto report = [&](std::size_t line, std::string reason) {
        if (errors)
            errors->push_back({path, line, 0, std::move(reason)});
    };
    InputFile in;
    if (!in.open(path)) {
        report(0, in.error());
        return false;
    }
    std::string line;
    bool sawHeader = false;
    while (in.readLine(line)) {
        const std::string_view content = trimSpace(line);
        if (content.empty() || content.front() == '#')
            continue;
        const std::vector<std::string_view> f = splitTabs(line);
        if (!sawHeader) {
            sawHeader = true;
            if (asciiLower(f[0]) == "name")
                continue;
            report(in.lineNumber(), "no header line `name<TAB>kind<TAB>synonym<TAB>type`; "
                                    "reading this line as data");
        }
        if (in.lastLineTruncated()) {
            report(in.lineNumber(), "line too long");
            continue;
        }
        if (f.size() < 3 || f.size() > 4) {
            report(in.lineNumber(), "expected 4 tab-separated columns (name, kind, synonym, "
                                    "type), found " +
                                        std::to_string(f.size()));
            continue;
        }
        const std::string_view name = f[0], kind = f[1], synonym = f[2];
        const std::string type = f.size() == 4 ? asciiLower(f[3]) : std::string();
        if (name.empty() || synonym.empty()) {
            report(in.lineNumber(), "empty name or synonym");
            continue;
        }
        Form how;
        const bool definedOnly = type == "defined-abbreviation";
        if (type.empty() || type == "synonym")
            how = Form::Synonym;
        else if (type == "abbreviation" || definedOnly)
            how = Form::Abbreviation;
        else {
            report(in.lineNumber(),
                   "unknown type '" + type + "' (synonym, abbreviation or defined-abbreviation)");
            continue;
        }
        if (tokenize(synonym).empty()) {
            report(in.lineNumber(), "synonym has no word characters");
            continue;
        }
        auto it = byName_.find(normalizeName(name));
        bool matched = false;
        if (it != byName_.end()) {
            const std::string wantKind = asciiLower(kind);
            for (NodeId n : it->second) {
                if (!wantKind.empty() && asciiLower(graph_.kind(n)) != wantKind)
                    continue;
                add(n, synonym, how, definedOnly);
                matched = true;
            }
        }
        if (matched)
            ++synonymCount_;
        else
            ++unmatchedSynonymRows_;
    }
    if (!in.error().empty()) {
        report(in.lineNumber(), in.error());
        return false;
    }
    return true;
}

bool NameIndex::loadGeneSymbolStoplist(const std::string& path, std::vector<ImportError>* errors) {
    auto report = [&](std::size_t line, std::string reason) {
        if (errors)
            errors->push_back({path, line, 0, std::move(reason)});
    };
    InputFile in;
    if (!in.open(path)) {
        report(0, in.error());
        return false;
    }
    std::string line;
    while (in.readLine(line)) {
        std::string_view symbol(line);
        if (const std::size_t hash = symbol.find('#'); hash != std::string_view::npos)
            symbol = symbol.substr(0, hash);
        symbol = trimSpace(symbol);
        if (symbol.empty())
            continue;
        if (symbol.find_first_of(" \t") != std::string_view::npos) {
            report(in.lineNumber(), "one symbol per line expected");
            continue;
        }
        std::string norm = normalizeName(symbol);
        if (norm.empty()) {
            report(in.lineNumber(), "symbol has no word characters");
            continue;
        }
        geneStoplist_.insert(std::move(norm));
    }
    if (!in.error().empty()) {
        report(in.lineNumber(), in.error());
        return false;
    }
    return true;
}

} // namespace rs
