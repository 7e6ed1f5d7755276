#pragma once
// Which kind of knowledge-graph source a file is, told from its content (the header line,
// or for a headerless Hetionet SIF its first row), never from its name: users rename and
// gzip files freely.
#include <string>
#include <string_view>

namespace rs {

enum class KgFormat {
    HetionetNodes,
    HetionetEdges,
    DoDiseaseSymptom,
    DoHierarchy,
    PrimeKg,
    Triples,
    Unknown,
};

// Stable names for reports and the cache ("hetionet-nodes", "primekg", ...).
std::string_view kgFormatName(KgFormat format);

struct KgFormatGuess {
    KgFormat format = KgFormat::Unknown;
    // For Unknown: why, naming the headers that were expected.
    std::string problem;
};

KgFormatGuess sniffKgFormat(std::string_view firstLine);
// Opens the file (plain or gzip) and sniffs its first non-blank line.
KgFormatGuess sniffKgFile(const std::string& path);

// The first row of a Hetionet SIF written without a header ("Disease::DOID:9352 DpS ...").
bool looksLikeHetionetEdgeRow(std::string_view line);

} // namespace rs
