#include "Lexicon.h"

#include "TextNormalizer.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <utility>

namespace rs {

namespace {

bool isAlnum(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char lower(unsigned char c) {
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : char(c);
}

// key == relationKey(raw), without building the key: this runs for every KG edge checked.
bool keyEquals(std::string_view key, std::string_view raw) {
    std::size_t k = 0;
    bool pendingBreak = false;
    for (char ch : raw) {
        const auto c = static_cast<unsigned char>(ch);
        if (!isAlnum(c)) {
            pendingBreak = k > 0;
            continue;
        }
        if (pendingBreak) {
            if (k >= key.size() || key[k] != '_')
                return false;
            ++k;
            pendingBreak = false;
        }
        if (k >= key.size() || key[k] != lower(c))
            return false;
        ++k;
    }
    return k == key.size();
}

bool isLowerSnake(std::string_view s) {
    if (s.empty())
        return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    return true;
}

std::vector<std::string_view> splitTabs(std::string_view line) {
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    for (;;) {
        const std::size_t tab = line.find('\t', start);
        fields.push_back(trimSpace(line.substr(
            start, tab == std::string_view::npos ? std::string_view::npos : tab - start)));
        if (tab == std::string_view::npos)
            break;
        start = tab + 1;
    }
    return fields;
}

std::vector<std::string> cueTokens(std::string_view cue) {
    std::vector<std::string> out;
    for (Token& t : tokenize(cue))
        out.push_back(std::move(t.norm));
    return out;
}

std::string join(const std::vector<std::string>& tokens) {
    std::string s;
    for (const auto& t : tokens) {
        if (!s.empty())
            s.push_back(' ');
        s += t;
    }
    return s;
}

// Reads one TSV table: skips blank and '#' lines and a header whose first field is
// headerWord; hands every other line to parse, which returns an error reason or "".
template <typename Parse>
void readTable(std::istream& in, const std::string& source, std::size_t expectedFields,
               std::string_view headerWord, std::vector<ImportError>* errors, Parse parse,
               std::size_t optionalFields = 0) {
    std::string line;
    std::size_t lineNo = 0;
    bool seenContent = false;
    while (std::getline(in, line)) {
        ++lineNo;
        const std::string_view t = trimSpace(line);
        if (t.empty() || t.front() == '#')
            continue;
        const auto fields = splitTabs(line);
        if (!seenContent) {
            seenContent = true;
            if (fields[0] == headerWord)
                continue;
        }
        std::string reason;
        if (fields.size() < expectedFields || fields.size() > expectedFields + optionalFields)
            reason = "expected " + std::to_string(expectedFields) +
                     (optionalFields ? " to " + std::to_string(expectedFields + optionalFields)
                                     : std::string()) +
                     " tab-separated fields, found " + std::to_string(fields.size());
        else
            reason = parse(fields);
        if (!reason.empty() && errors)
            errors->push_back(ImportError{source, lineNo, 0, reason});
    }
}

template <typename Read>
bool loadFile(const std::string& path, std::vector<ImportError>* errors, Read read) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (errors)
            errors->push_back(ImportError{path, 0, 0, "cannot open file"});
        return false;
    }
    read(in);
    return true;
}

} // namespace

std::string Lexicon::relationPhrase(std::string_view claimRelation) {
    if (claimRelation == "is_a")
        return "is a kind of"; // "is a" would need the tail's article: "is a inflammation"
    if (claimRelation == "associated_with")
        return "is associated with";
    if (claimRelation == "contraindicated_for")
        return "is contraindicated for";
    if (claimRelation == "risk_factor_for")
        return "is a risk factor for";
    std::string s(claimRelation);
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

std::string Lexicon::relationKey(std::string_view name) {
    std::string key;
    bool pendingBreak = false;
    for (char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        if (!isAlnum(c)) {
            pendingBreak = !key.empty();
            continue;
        }
        if (pendingBreak)
            key.push_back('_');
        pendingBreak = false;
        key.push_back(lower(c));
    }
    return key;
}

void Lexicon::indexRelationCue(std::size_t i) {
    auto& list = relationByFirst_[relationCues_[i].tokens.front()];
    list.push_back(i);
    std::stable_sort(list.begin(), list.end(), [this](std::size_t a, std::size_t b) {
        return relationCues_[a].tokens.size() > relationCues_[b].tokens.size();
    });
}

void Lexicon::indexPolarityCue(std::size_t i) {
    auto& list = polarityByFirst_[polarityCues_[i].tokens.front()];
    list.push_back(i);
    std::stable_sort(list.begin(), list.end(), [this](std::size_t a, std::size_t b) {
        return polarityCues_[a].tokens.size() > polarityCues_[b].tokens.size();
    });
}

bool Lexicon::addRelationCue(std::string_view relation, CueDirection direction,
                             std::string_view cue) {
    if (!isLowerSnake(relation))
        return false;
    RelationCue c{std::string(relation), direction, {}, cueTokens(cue)};
    if (c.tokens.empty())
        return false;
    c.cue = join(c.tokens);
    for (const auto& existing : relationCues_)
        if (existing.cue == c.cue && existing.relation == c.relation &&
            existing.direction == direction)
            return true;
    relationCues_.push_back(std::move(c));
    indexRelationCue(relationCues_.size() - 1);
    return true;
}

bool Lexicon::addPolarityCue(Polarity polarity, std::string_view cue) {
    if (polarity == Polarity::Asserted)
        return false;
    PolarityCue c{polarity, {}, cueTokens(cue)};
    if (c.tokens.empty())
        return false;
    c.cue = join(c.tokens);
    for (const auto& existing : polarityCues_)
        if (existing.cue == c.cue && existing.polarity == polarity)
            return true;
    polarityCues_.push_back(std::move(c));
    indexPolarityCue(polarityCues_.size() - 1);
    return true;
}

bool Lexicon::addCompatibility(std::string_view claimRelation, std::string_view kgRelation,
                               EdgeDirection direction, RelationMatch match) {
    const std::string kgKey = relationKey(kgRelation);
    if (!isLowerSnake(claimRelation) || kgKey.empty())
        return false;
    auto it = compat_.find(claimRelation);
    if (it == compat_.end())
        it = compat_.emplace(std::string(claimRelation), std::vector<Compat>{}).first;
    for (const auto& c : it->second)
        if (c.kgKey == kgKey && c.direction == direction && c.match == match)
            return true;
    it->second.push_back(Compat{kgKey, direction, match});
    return true;
}

bool Lexicon::addCompleteList(CompleteList list) {
    if (!isLowerSnake(list.claimRelation) || list.headKind.empty() || list.tailKind.empty() ||
        list.kgRelations.empty())
        return false;
    for (std::string& r : list.kgRelations) {
        r = relationKey(r);
        if (r.empty())
            return false;
    }
    completeLists_.push_back(std::move(list));
    return true;
}

void Lexicon::readCompleteLists(std::istream& in, const std::string& source,
                                std::vector<ImportError>* errors) {
    readTable(in, source, 5, "source", errors,
              [this](const std::vector<std::string_view>& f) -> std::string {
                  CompleteList list;
                  list.source = std::string(f[0]);
                  list.claimRelation = std::string(f[1]);
                  list.headKind = std::string(f[2]);
                  list.tailKind = std::string(f[3]);
                  std::string_view rels = f[4];
                  while (!rels.empty()) {
                      const std::size_t comma = rels.find(',');
                      const std::string_view r = trimSpace(rels.substr(0, comma));
                      if (!r.empty())
                          list.kgRelations.emplace_back(r);
                      rels = comma == std::string_view::npos ? std::string_view()
                                                             : rels.substr(comma + 1);
                  }
                  if (!addCompleteList(std::move(list)))
                      return "a complete list needs a lower_snake claim relation, both kinds and "
                             "KG relations";
                  return {};
              });
}

std::string Lexicon::completeListsFileFor(const std::string& kgFile) {
    const std::filesystem::path p(kgFile);
    const std::string name = p.filename().string();
    return (p.parent_path() / (name.substr(0, name.find('.')) + "." + kCompleteListsFile)).string();
}

bool Lexicon::loadCompleteLists(const std::string& path, std::vector<ImportError>* errors) {
    return loadFile(path, errors, [&](std::istream& in) { readCompleteLists(in, path, errors); });
}

bool Lexicon::loadPhraseWords(const std::string& path, std::vector<ImportError>* errors) {
    return loadFile(path, errors, [&](std::istream& in) { readPhraseWords(in, path, errors); });
}

void Lexicon::readPhraseWords(std::istream& in, const std::string& source,
                              std::vector<ImportError>* errors) {
    static const std::pair<std::string_view, PhraseWord> kClasses[] = {
        {"determiner", PhraseWord::Determiner},
        {"possessor", PhraseWord::Possessor},
        {"break", PhraseWord::Break},
        {"verb", PhraseWord::Verb},
        {"generic", PhraseWord::Generic},
        {"vague", PhraseWord::Vague},
        {"relational", PhraseWord::Relational},
        {"noun", PhraseWord::Noun},
        {"kind", PhraseWord::Kind}};
    readTable(in, source, 2, "class", errors,
              [this](const std::vector<std::string_view>& f) -> std::string {
                  if (f[0] == "bare")
                      return addBareClass(f[1]) ? std::string()
                                                : "not one word: '" + std::string(f[1]) + "'";
                  for (const auto& [name, kind] : kClasses)
                      if (f[0] == name)
                          return addPhraseWord(kind, f[1])
                                     ? std::string()
                                     : "not one word: '" + std::string(f[1]) + "'";
                  return "class '" + std::string(f[0]) + "' is not a phrase-word class";
              });
}

bool Lexicon::addPhraseWord(PhraseWord kind, std::string_view word) {
    std::vector<std::string> tokens = cueTokens(word);
    if (tokens.size() != 1)
        return false;
    phraseWords_.emplace(std::move(tokens.front()), kind);
    return true;
}

bool Lexicon::addBareClass(std::string_view word) {
    std::vector<std::string> tokens = cueTokens(word);
    if (tokens.size() != 1)
        return false;
    bareClasses_.insert(std::move(tokens.front()));
    return true;
}

const PhraseWord* Lexicon::phraseWord(const std::string& norm) const {
    const auto it = phraseWords_.find(norm);
    return it == phraseWords_.end() ? nullptr : &it->second;
}

void Lexicon::readRelationCues(std::istream& in, const std::string& source,
                               std::vector<ImportError>* errors) {
    readTable(in, source, 3, "relation", errors,
              [this](const std::vector<std::string_view>& f) -> std::string {
                  if (!isLowerSnake(f[0]))
                      return "relation '" + std::string(f[0]) + "' is not a lower_snake name";
                  CueDirection dir;
                  if (f[1] == "forward")
                      dir = CueDirection::Forward;
                  else if (f[1] == "reverse")
                      dir = CueDirection::Reverse;
                  else
                      return "direction '" + std::string(f[1]) + "' is not forward or reverse";
                  if (!addRelationCue(f[0], dir, f[2]))
                      return "empty cue";
                  return {};
              });
}

void Lexicon::readPolarityCues(std::istream& in, const std::string& source,
                               std::vector<ImportError>* errors) {
    readTable(in, source, 2, "polarity", errors,
              [this](const std::vector<std::string_view>& f) -> std::string {
                  Polarity p;
                  if (f[0] == "negated")
                      p = Polarity::Negated;
                  else if (f[0] == "hedged")
                      p = Polarity::Hedged;
                  else
                      return "polarity '" + std::string(f[0]) + "' is not negated or hedged";
                  if (!addPolarityCue(p, f[1]))
                      return "empty cue";
                  return {};
              });
}

void Lexicon::readCompatibility(std::istream& in, const std::string& source,
                                std::vector<ImportError>* errors) {
    readTable(
        in, source, 3, "claim_relation", errors,
        [this](const std::vector<std::string_view>& f) -> std::string {
            RelationMatch match = RelationMatch::Supports;
            if (f.size() > 3) {
                if (f[3] == "supports")
                    match = RelationMatch::Supports;
                else if (f[3] == "specificity")
                    match = RelationMatch::Specificity;
                else if (f[3] == "excludes")
                    match = RelationMatch::Excludes;
                else
                    return "match '" + std::string(f[3]) +
                           "' is not supports, specificity or excludes";
            }
            if (!isLowerSnake(f[0]))
                return "claim relation '" + std::string(f[0]) + "' is not a lower_snake name";
            if (relationKey(f[1]).empty())
                return "empty KG relation";
            EdgeDirection dir;
            if (f[2] == "forward")
                dir = EdgeDirection::Forward;
            else if (f[2] == "reverse")
                dir = EdgeDirection::Reverse;
            else if (f[2] == "either")
                dir = EdgeDirection::Either;
            else
                return "direction '" + std::string(f[2]) + "' is not forward, reverse or either";
            addCompatibility(f[0], f[1], dir, match);
            return {};
        },
        1);
}

bool Lexicon::loadRelationCues(const std::string& path, std::vector<ImportError>* errors) {
    return loadFile(path, errors, [&](std::istream& in) { readRelationCues(in, path, errors); });
}

bool Lexicon::loadPolarityCues(const std::string& path, std::vector<ImportError>* errors) {
    return loadFile(path, errors, [&](std::istream& in) { readPolarityCues(in, path, errors); });
}

bool Lexicon::loadCompatibility(const std::string& path, std::vector<ImportError>* errors) {
    return loadFile(path, errors, [&](std::istream& in) { readCompatibility(in, path, errors); });
}

bool Lexicon::load(const std::string& dir, std::vector<ImportError>* errors) {
    const std::filesystem::path d(dir);
    // All three are attempted so one call reports every unreadable file.
    const bool a = loadRelationCues((d / kRelationCuesFile).string(), errors);
    const bool b = loadPolarityCues((d / kPolarityCuesFile).string(), errors);
    const bool c = loadCompatibility((d / kCompatibilityFile).string(), errors);
    // Completeness is a declaration a lexicon may leave out: without it nothing is complete.
    if (std::filesystem::exists(d / kCompleteListsFile))
        loadCompleteLists((d / kCompleteListsFile).string(), errors);
    // Without the chunker's word classes, claims keep needing two linked ends.
    if (std::filesystem::exists(d / kPhraseWordsFile))
        loadPhraseWords((d / kPhraseWordsFile).string(), errors);
    return a && b && c;
}

const std::vector<std::size_t>* Lexicon::relationCuesStartingWith(const std::string& token) const {
    const auto it = relationByFirst_.find(token);
    return it == relationByFirst_.end() ? nullptr : &it->second;
}

const std::vector<std::size_t>* Lexicon::polarityCuesStartingWith(const std::string& token) const {
    const auto it = polarityByFirst_.find(token);
    return it == polarityByFirst_.end() ? nullptr : &it->second;
}

bool Lexicon::isCheckable(std::string_view claimRelation) const {
    return compat_.find(claimRelation) != compat_.end();
}

bool Lexicon::supports(std::string_view claimRelation, std::string_view kgRelation,
                       bool headToTail) const {
    if (headToTail && keyEquals(claimRelation, kgRelation))
        return true;
    return hasRow(claimRelation, kgRelation, headToTail, RelationMatch::Supports);
}

bool Lexicon::differsInSpecificity(std::string_view claimRelation, std::string_view kgRelation,
                                   bool headToTail) const {
    return hasRow(claimRelation, kgRelation, headToTail, RelationMatch::Specificity);
}

bool Lexicon::excludes(std::string_view claimRelation, std::string_view kgRelation,
                       bool headToTail) const {
    return hasRow(claimRelation, kgRelation, headToTail, RelationMatch::Excludes);
}

bool Lexicon::hasRow(std::string_view claimRelation, std::string_view kgRelation, bool headToTail,
                     RelationMatch match) const {
    const auto it = compat_.find(claimRelation);
    if (it == compat_.end())
        return false;
    for (const Compat& c : it->second) {
        if (c.match != match || !keyEquals(c.kgKey, kgRelation))
            continue;
        if (c.direction == EdgeDirection::Either ||
            (c.direction == EdgeDirection::Forward) == headToTail)
            return true;
    }
    return false;
}

bool Lexicon::inCompleteList(const CompleteList& list, std::string_view kgRelation) {
    for (const std::string& r : list.kgRelations)
        if (keyEquals(r, kgRelation))
            return true;
    return false;
}

bool Lexicon::isSubsumption(std::string_view kgRelation) const {
    return supports("is_a", kgRelation, true) || supports("is_a", kgRelation, false);
}

} // namespace rs
