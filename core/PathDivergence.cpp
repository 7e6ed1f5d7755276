#include "PathDivergence.h"

#include <algorithm>
#include <unordered_set>

namespace rs {

namespace {

std::vector<std::string> conceptNames(const CaseResult& r) {
    std::vector<std::string> names;
    for (const CaseResult::PathNode& node : r.reasoningPath) {
        if (!node.kgConcept || node.kgConcept->name.empty())
            continue;
        if (names.empty() || names.back() != node.kgConcept->name)
            names.push_back(node.kgConcept->name);
    }
    return names;
}

std::vector<std::string> onlyIn(const std::vector<std::string>& path,
                                const std::vector<std::string>& other) {
    const std::unordered_set<std::string> elsewhere(other.begin(), other.end());
    std::unordered_set<std::string> seen;
    std::vector<std::string> out;
    for (const std::string& name : path)
        if (!elsewhere.count(name) && seen.insert(name).second)
            out.push_back(name);
    return out;
}

// The same paths, in whatever order (each analysis ranks them against its own path first).
bool sameSet(const std::vector<CaseResult::ReferencePath>& a,
             const std::vector<CaseResult::ReferencePath>& b) {
    if (a.size() != b.size())
        return false;
    std::vector<bool> used(b.size(), false);
    for (const CaseResult::ReferencePath& path : a) {
        std::size_t i = 0;
        while (i < b.size() && (used[i] || !(b[i] == path)))
            ++i;
        if (i == b.size())
            return false;
        used[i] = true;
    }
    return true;
}

} // namespace

PathDivergence PathDivergence::between(const CaseResult& base, const CaseResult& head) {
    PathDivergence d;
    const std::vector<std::string> a = conceptNames(base), b = conceptNames(head);
    std::size_t shared = 0;
    while (shared < a.size() && shared < b.size() && a[shared] == b[shared])
        ++shared;
    d.sharedPrefix.assign(a.begin(), a.begin() + std::ptrdiff_t(shared));
    d.identical = shared == a.size() && shared == b.size();
    if (!d.identical) {
        if (shared > 0)
            d.partingAt = a[shared - 1];
        if (shared < a.size())
            d.baseNext = a[shared];
        if (shared < b.size())
            d.headNext = b[shared];
    }
    d.baseOnly = onlyIn(a, b);
    d.headOnly = onlyIn(b, a);
    d.sameReferencePaths = sameSet(base.referencePaths, head.referencePaths);
    d.referencePaths = std::max(base.referencePaths.size(), head.referencePaths.size());
    if (d.sameReferencePaths)
        d.referencePaths = base.referencePaths.size();
    return d;
}

} // namespace rs
