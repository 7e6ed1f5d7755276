// lm-evaluation-harness --log_samples output (v0.4: samples_<task>_<timestamp>.jsonl in a
// folder named after the model). One line per (document, filter):
//   {"doc_id": 12, "doc": {...}, "target": ..., "arguments": ..., "resps": [[...]],
//    "filtered_resps": [...], "filter": "strict-match", "metrics": ["exact_match"],
//    "exact_match": 1.0, "doc_hash": "..."}
// Keys read, and why:
//  - question: doc "question", "query", "sent1" (MedQA-4options), "QUESTION" (PubMedQA),
//    "ctx" (HellaSwag), "problem", "input", "text"; without any, the prompt itself
//    (arguments.gen_args_0.arg_0 in newer versions, arguments[0][0] in older ones).
//  - options: doc "choices" (a list, or ARC's {"text": [...], "label": [...]}), "options"
//    (list or {label: text}), "endings" (HellaSwag), "ending0".."endingN" (MedQA-4options),
//    "opa".."opd" (MedMCQA).
//  - gold: "target"; without it doc "answer", "gold", "label", "answerKey", "answer_idx",
//    "cop". Multiple-choice tasks name the gold choice by its index (doc_to_target: cop in
//    MedMCQA, label in MedQA-4options, answer in MMLU), logged as an integer or, by newer
//    versions, as a digit string ("0"): both are option indexes unless an option carries
//    that very label.
//  - context: tasks asked about a passage keep it ahead of the question, as the prompt
//    gave it (PubMedQA's CONTEXTS, with their LABELS; a doc "context").
//  - PubMedQA as a multiple-choice task has no options in its doc (doc_to_choice is
//    yes/no/maybe in the task YAML): they are supplied, so indexes and log-likelihoods
//    name an answer.
//  - output: the generated text, resps[0][0] (generate_until tasks). Multiple-choice
//    loglikelihood tasks generate nothing: output stays empty, the case is marked
//    scoredFromLoglikelihoods, and the prediction is the option with the highest
//    loglikelihood.
//  - prediction: filtered_resps[0] when it is text (what the task's filter extracted),
//    else extracted from the output.
//  - correct: the first of the record's "metrics" (else "acc", "exact_match", "em",
//    "acc_norm") whose value is exactly 0 or 1 (or a boolean); other scores (F1, BLEU)
//    do not say right or wrong.
//  - task: from the file name; model: the parent folder name ("org__name" -> "org/name");
//    run: model/task, plus /filter when the line has a filter other than "none".
//  - question id: "<task>:<doc.id>" when the doc has an id, else "<task>:<doc_id>", which
//    is stable across runs of the same task.
#include "Answers.h"
#include "JsonLines.h"
#include "Readers.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <regex>

namespace rs::importers {

namespace {

struct FileInfo {
    std::string task;
    std::string model;
};

FileInfo fileInfo(const ImportContext& ctx) {
    FileInfo info;
    static const std::regex samples(R"(^samples_(.+?)_(\d{4}-\d{2}-\d{2}T.*)$)");
    std::smatch m;
    const std::string& stem = ctx.fileStem();
    if (std::regex_match(stem, m, samples)) {
        info.task = m[1].str();
        std::string folder = ctx.directory().filename().string();
        for (std::size_t at = folder.find("__"); at != std::string::npos;
             at = folder.find("__", at + 1))
            folder.replace(at, 2, "/");
        info.model = folder;
    } else {
        info.task = stem.rfind("samples_", 0) == 0 ? stem.substr(8) : stem;
    }
    return info;
}

const Json* firstOf(const Json& obj, std::initializer_list<const char*> keys) {
    for (const char* k : keys) {
        const auto it = obj.find(k);
        if (it != obj.end() && !it->is_null())
            return &*it;
    }
    return nullptr;
}

std::string promptOf(const Json& rec) {
    const auto args = rec.find("arguments");
    if (args == rec.end())
        return {};
    const Json* first = nullptr;
    if (args->is_object() && !args->empty())
        first = &args->begin().value();
    else if (args->is_array() && !args->empty())
        first = &(*args)[0];
    if (!first)
        return {};
    if (first->is_object()) {
        const auto a0 = first->find("arg_0");
        return a0 != first->end() && a0->is_string() ? a0->get<std::string>() : std::string();
    }
    if (first->is_array() && !first->empty() && (*first)[0].is_string())
        return (*first)[0].get<std::string>();
    return first->is_string() ? first->get<std::string>() : std::string();
}

bool readOptions(const Json& doc, std::vector<AnswerOption>& options, std::string& err) {
    if (const auto ch = doc.find("choices");
        ch != doc.end() && ch->is_object() && ch->contains("text")) {
        // ARC: {"text": [...], "label": ["A", ...]}
        const Json& texts = (*ch)["text"];
        if (!parseOptions(texts, "doc.choices.text", options, err))
            return false;
        if (const auto labels = ch->find("label");
            labels != ch->end() && labels->is_array() && labels->size() == options.size()) {
            for (std::size_t i = 0; i < options.size(); ++i)
                if ((*labels)[i].is_string())
                    options[i].label = (*labels)[i].get<std::string>();
        }
        return true;
    }
    if (const Json* list = firstOf(doc, {"choices", "options", "endings"})) {
        const std::string what = std::string("doc.") + (doc.contains("choices")   ? "choices"
                                                        : doc.contains("options") ? "options"
                                                                                  : "endings");
        return parseOptions(*list, what.c_str(), options, err);
    }
    // Numbered or lettered keys: ending0.., opa..
    for (const auto& [prefix, letters] :
         {std::pair<const char*, bool>{"ending", false}, {"op", true}}) {
        std::vector<AnswerOption> found;
        for (std::size_t i = 0; i < 26; ++i) {
            const std::string key =
                std::string(prefix) + (letters ? std::string(1, char('a' + i)) : std::to_string(i));
            const auto it = doc.find(key);
            if (it == doc.end())
                break;
            if (!it->is_string()) {
                err = "'doc." + key + "' must be a string, found " + typeName(*it);
                return false;
            }
            found.push_back({optionLabel(i), it->get<std::string>()});
        }
        if (!found.empty()) {
            options = std::move(found);
            return true;
        }
    }
    return true;
}

// A loglikelihood value as lm-eval logs it: a number, or a number in a string.
bool loglikelihood(const Json& v, double& out) {
    const Json* x = &v;
    if (x->is_array() && !x->empty())
        x = &(*x)[0];
    if (x->is_array() && !x->empty()) // resps nests one level deeper than filtered_resps
        x = &(*x)[0];
    if (x->is_number()) {
        out = x->get<double>();
        return true;
    }
    if (x->is_string()) {
        const std::string& s = x->get_ref<const std::string&>();
        char* end = nullptr;
        out = std::strtod(s.c_str(), &end);
        return end != s.c_str() && *end == '\0' && std::isfinite(out);
    }
    return false;
}

std::optional<bool> correctness(const Json& rec) {
    std::vector<std::string> names;
    if (const auto m = rec.find("metrics"); m != rec.end() && m->is_array())
        for (const Json& n : *m)
            if (n.is_string())
                names.push_back(n.get<std::string>());
    for (const char* n : {"acc", "exact_match", "em", "acc_norm"})
        names.emplace_back(n);
    for (const std::string& n : names) {
        const auto it = rec.find(n);
        if (it == rec.end())
            continue;
        if (it->is_boolean())
            return it->get<bool>();
        if (it->is_number()) {
            const double v = it->get<double>();
            if (v == 0.0 || v == 1.0)
                return v == 1.0;
        }
    }
    return std::nullopt;
}

// A passage the question is asked about, as one text: PubMedQA's CONTEXTS (with LABELS
// such as "METHODS" in front of each paragraph), or a doc "context" (a string, a list, or
// {"contexts": [...], "labels": [...]} as in the Hugging Face pubmed_qa layout).
std::string contextOf(const Json& doc) {
    const Json* ctx = firstOf(doc, {"CONTEXTS", "context", "contexts"});
    const Json* labels = firstOf(doc, {"LABELS", "labels"});
    if (ctx && ctx->is_object()) {
        if (const auto l = ctx->find("labels"); l != ctx->end())
            labels = &*l;
        const auto c = ctx->find("contexts");
        ctx = c != ctx->end() ? &*c : nullptr;
    }
    if (!ctx)
        return {};
    if (ctx->is_string())
        return ctx->get<std::string>();
    if (!ctx->is_array())
        return {};
    std::string text;
    for (std::size_t i = 0; i < ctx->size(); ++i) {
        if (!(*ctx)[i].is_string())
            continue;
        std::string label;
        if (labels && labels->is_array() && i < labels->size() && (*labels)[i].is_string())
            label = (*labels)[i].get<std::string>();
        text += (text.empty() ? "" : "\n") + (label.empty() ? "" : label + ": ") +
                (*ctx)[i].get<std::string>();
    }
    return text;
}

bool isPubMedQa(const std::string& task, const Json& doc) {
    return task.find("pubmedqa") != std::string::npos ||
           task.find("pubmed_qa") != std::string::npos || doc.contains("final_decision");
}

// An option index written as a digit string ("0"), as lm-eval logs multiple-choice
// targets; -1 when the text is not one, or when an option is labelled with those digits.
int digitIndex(const std::vector<AnswerOption>& options, const std::string& text) {
    if (text.empty() || text.size() > 3 ||
        text.find_first_not_of("0123456789") != std::string::npos)
        return -1;
    for (const AnswerOption& o : options)
        if (o.label == text)
            return -1;
    const int index = std::atoi(text.c_str());
    return index < int(options.size()) ? index : -1;
}

// The record's doc_id as text; false, with the record's error reported, when it is absent
// or not an id.
bool readDocId(ImportContext& ctx, const Json& rec, std::size_t line, std::string& out) {
    const auto docId = rec.find("doc_id");
    if (docId == rec.end() || docId->is_null()) {
        ctx.error(line, 0, "missing required field 'doc_id'");
        return false;
    }
    std::string err;
    if (!idText(*docId, "doc_id", out, err)) {
        ctx.error(line, 0, err);
        return false;
    }
    return true;
}

} // namespace

void readLmEvalHarness(ImportContext& ctx) {
    const FileInfo info = fileInfo(ctx);
    forEachJsonLine(ctx, ctx.path(), [&](Json& rec, std::size_t line) {
        std::string err;
        Case c;
        c.dataset = info.task;
        c.model = info.model;

        std::string docIdText;
        if (!readDocId(ctx, rec, line, docIdText))
            return true;
        const auto docIt = rec.find("doc");
        const Json emptyDoc = Json::object();
        if (docIt != rec.end() && !docIt->is_null() && !docIt->is_object()) {
            ctx.error(line, 0, std::string("'doc' must be an object, found ") + typeName(*docIt));
            return true;
        }
        const Json& doc = docIt != rec.end() && docIt->is_object() ? *docIt : emptyDoc;

        if (const Json* q = firstOf(doc, {"question", "query", "sent1", "QUESTION", "ctx",
                                          "problem", "input", "text"})) {
            if (!q->is_string()) {
                ctx.error(line, 0,
                          std::string("the doc's question must be a string, found ") +
                              typeName(*q));
                return true;
            }
            c.question = q->get<std::string>();
            if (const std::string context = contextOf(doc); !context.empty())
                c.question = context + "\n\nQuestion: " + c.question;
        } else {
            c.question = promptOf(rec);
        }
        if (c.question.find_first_not_of(" \t\r\n") == std::string::npos) {
            ctx.error(
                line, 0,
                "no question: the doc has none of question, query, sent1, QUESTION, ctx, problem, "
                "input, text, and the arguments hold no prompt");
            return true;
        }
        if (!readOptions(doc, c.options, err)) {
            ctx.error(line, 0, err);
            return true;
        }
        const bool generatedText = [&] {
            const auto r = rec.find("resps");
            if (r == rec.end() || !r->is_array() || r->empty())
                return false;
            const Json& first = (*r)[0];
            return (first.is_array() && !first.empty() ? first[0] : first).is_string();
        }();
        if (c.options.empty() && !generatedText && isPubMedQa(info.task, doc))
            for (const char* choice : {"yes", "no", "maybe"})
                c.options.push_back({choice, choice});
        const Json* gold = firstOf(rec, {"target"});
        const char* goldName = "target";
        if (!gold) {
            gold = firstOf(doc, {"answer", "gold", "label", "answerKey", "answer_idx", "cop"});
            goldName = "doc answer";
        }
        if (gold && !gold->is_array() && !gold->is_object() &&
            !answerText(*gold, goldName, c.options, c.gold, err)) {
            ctx.error(line, 0, err);
            return true;
        }
        if (const int index = digitIndex(c.options, c.gold);
            index >= 0 && gold && gold->is_string())
            c.gold = c.options[std::size_t(index)].label;

        // Generated text, or per-option loglikelihoods.
        const auto resps = rec.find("resps");
        const auto filtered = rec.find("filtered_resps");
        bool generated = false;
        if (resps != rec.end() && resps->is_array() && !resps->empty()) {
            const Json& first = (*resps)[0];
            const Json* text = first.is_array() && !first.empty() ? &first[0] : &first;
            if (text->is_string()) {
                c.output = text->get<std::string>();
                generated = true;
            }
        }
        if (generated) {
            if (filtered != rec.end() && filtered->is_array() && !filtered->empty() &&
                (*filtered)[0].is_string())
                c.prediction = (*filtered)[0].get<std::string>();
        } else {
            const Json* scores =
                filtered != rec.end() && filtered->is_array() && !filtered->empty() ? &*filtered
                : resps != rec.end() && resps->is_array() && !resps->empty()        ? &*resps
                                                                                    : nullptr;
            if (!scores) {
                ctx.error(line, 0,
                          "no response: 'resps' and 'filtered_resps' are missing or empty");
                return true;
            }
            std::size_t best = 0;
            double bestLl = 0;
            for (std::size_t i = 0; i < scores->size(); ++i) {
                double ll = 0;
                if (!loglikelihood((*scores)[i], ll)) {
                    ctx.error(line, 0,
                              "response " + std::to_string(i) +
                                  " is neither text nor a loglikelihood");
                    return true;
                }
                if (i == 0 || ll > bestLl) {
                    best = i;
                    bestLl = ll;
                }
            }
            c.prediction = best < c.options.size() ? c.options[best].label : std::to_string(best);
            c.scoredFromLoglikelihoods = true;
            c.meta.emplace_back("lm_eval.response", "loglikelihood");
            // Kept as meta too, so that a store which does not know the flag still says why
            // the output is empty.
            c.meta.emplace_back("scoring", "no reasoning text: answer scored from log-likelihoods");
        }

        std::string filter;
        if (const auto f = rec.find("filter"); f != rec.end() && f->is_string())
            filter = f->get<std::string>();
        const bool namedFilter = !filter.empty() && filter != "none";
        std::string id = docIdText;
        if (const auto did = doc.find("id");
            did != doc.end() && (did->is_string() || did->is_number_integer())) {
            std::string text;
            std::string ignored;
            if (idText(*did, "doc.id", text, ignored))
                id = text;
        }
        c.questionId = info.task + ":" + id;
        c.key = info.task + ":" + docIdText + (namedFilter ? "/" + filter : "");
        const std::string model = info.model.empty() ? std::string("lm-eval") : info.model;
        c.run = model + "/" + info.task + (namedFilter ? "/" + filter : "");
        c.correct = correctness(rec);
        if (!filter.empty())
            c.meta.emplace_back("lm_eval.filter", filter);
        if (const auto h = rec.find("doc_hash"); h != rec.end() && h->is_string())
            c.meta.emplace_back("lm_eval.doc_hash", h->get<std::string>());
        c.meta.emplace_back("lm_eval.doc_id", docIdText);
        settleAnswers(c);
        ctx.emit(std::move(c), line, 0);
        return true;
    });
}

} // namespace rs::importers
