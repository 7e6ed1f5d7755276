#include "KgFormat.h"

#include "DelimitedText.h"
#include "HetionetMetaedges.h"
#include "InputFile.h"
#include "KgHeader.h"

#include <initializer_list>

namespace rs {

namespace {

constexpr const char* kExpected =
    "expected one of: Hetionet nodes (id, name, kind); Hetionet SIF edges (source, metaedge, "
    "target); Disease Ontology disease-symptom (disease_id, disease_label, symptom_id, "
    "symptom_label); Disease Ontology hierarchy (id, label, subClassOf); PrimeKG (relation, "
    "x_id, x_type, x_name, x_source, y_id, y_type, y_name, y_source); triples (head, "
    "relation, tail)";

bool hasAll(const KgHeader& h, std::initializer_list<std::string_view> names) {
    for (std::string_view n : names)
        if (!h.column(n))
            return false;
    return true;
}

} // namespace

std::string_view kgFormatName(KgFormat format) {
    switch (format) {
    case KgFormat::HetionetNodes:
        return "hetionet-nodes";
    case KgFormat::HetionetEdges:
        return "hetionet-edges";
    case KgFormat::DoDiseaseSymptom:
        return "do-disease-symptom";
    case KgFormat::DoHierarchy:
        return "do-hierarchy";
    case KgFormat::PrimeKg:
        return "primekg";
    case KgFormat::Triples:
        return "triples";
    case KgFormat::Unknown:
        break;
    }
    return "unknown";
}

bool looksLikeHetionetEdgeRow(std::string_view line) {
    DelimitedSplitter s(Delimiter::Tab);
    s.split(line);
    return s.size() == 3 && findHetionetMetaedge(s[1]) != nullptr &&
           s[0].find("::") != std::string_view::npos && s[2].find("::") != std::string_view::npos;
}

KgFormatGuess sniffKgFormat(std::string_view firstLine) {
    KgHeader h;
    if (h.parse(firstLine)) {
        if (hasAll(h, {"disease_id", "disease_label", "symptom_id", "symptom_label"}))
            return {KgFormat::DoDiseaseSymptom, {}};
        if (hasAll(h, {"id", "name", "kind"}))
            return {KgFormat::HetionetNodes, {}};
        if (hasAll(h, {"source", "metaedge", "target"}))
            return {KgFormat::HetionetEdges, {}};
        if (hasAll(h, {"id", "label", "subclassof"}))
            return {KgFormat::DoHierarchy, {}};
        if (hasAll(h, {"relation", "x_id", "x_type", "x_name", "x_source", "y_id", "y_type",
                       "y_name", "y_source"}))
            return {KgFormat::PrimeKg, {}};
        if (hasAll(h, {"head", "relation", "tail"}))
            return {KgFormat::Triples, {}};
    }
    if (looksLikeHetionetEdgeRow(firstLine))
        return {KgFormat::HetionetEdges, {}};
    std::string shown(firstLine.substr(0, 200));
    return {KgFormat::Unknown,
            "unrecognised knowledge-graph format (first line: \"" + shown + "\"); " + kExpected};
}

KgFormatGuess sniffKgFile(const std::string& path) {
    InputFile in;
    if (!in.open(path))
        return {KgFormat::Unknown, in.error()};
    std::string line;
    while (in.readLine(line)) {
        if (line.find_first_not_of(" \t") != std::string::npos)
            return sniffKgFormat(line);
    }
    if (!in.error().empty())
        return {KgFormat::Unknown, in.error()};
    return {KgFormat::Unknown, std::string("file is empty; ") + kExpected};
}

} // namespace rs
