#pragma once
// A small clinical world shared by the analysis tests: a lexicon of cues and relation
// compatibilities, and a mini-KG whose paths are known by heart.
//
//   fever, cough, chest pain <-presents- community-acquired pneumonia (syn. pneumonia)
//   pneumonia -resembles-> acute bronchitis (syn. bronchitis) -presents-> wheezing
//   pneumonia, bronchitis -is_a-> lung disease
//   amoxicillin -treats-> pneumonia; amoxicillin -causes-> rash
//   azithromycin -treats-> bronchitis
//   asthma -presents-> wheezing; albuterol -treats-> asthma;
//   propranolol -contraindication-> asthma
//   pneumonia -localizes-> lung
//   type 1 / type 2 diabetes mellitus -presents-> polyuria; both -is_a-> diabetes mellitus
//   type 1 diabetes mellitus -presents-> weight loss
//   insulin -treats-> T1D; metformin -treats-> T2D; metformin -binds-> INSR <-associates- T1D
//
// Nothing connects cough to bronchitis, so bronchitis lies on no reference path from
// fever/cough to amoxicillin: a model that goes there has left every reference path.
#include "Lexicon.h"
#include "TestKnowledgeBase.h"

namespace rs::test {

inline Lexicon clinicLexicon() {
    Lexicon lx;
    const CueDirection F = CueDirection::Forward, R = CueDirection::Reverse;
    for (const char* c :
         {"treats", "treat", "is used to treat", "used to treat", "is a treatment for",
          "is the treatment of choice for", "is effective for", "treatment for", "treatments for",
          "used for", "treating", "choice for"})
        lx.addRelationCue("treats", F, c);
    for (const char* c : {"is treated with", "treated with", "responds to"})
        lx.addRelationCue("treats", R, c);
    for (const char* c : {"causes", "cause", "can cause", "leads to", "results in", "causing",
                          "produces", "leading to", "cause of", "causes of"})
        lx.addRelationCue("causes", F, c);
    for (const char* c : {"due to", "caused by", "is caused by", "secondary to"})
        lx.addRelationCue("causes", R, c);
    for (const char* c : {"presents with", "manifests as"})
        lx.addRelationCue("presents_with", F, c);
    for (const char* c : {"symptom of", "are symptoms of", "common in", "seen in", "occurs in",
                          "possible finding in"})
        lx.addRelationCue("presents_with", R, c);
    for (const char* c : {"suggests", "suggest", "points to", "indicates", "is consistent with"})
        lx.addRelationCue("indicates", F, c);
    for (const char* c : {"resembles", "mimics"})
        lx.addRelationCue("resembles", F, c);
    for (const char* c : {"is a", "is an", "is a type of"})
        lx.addRelationCue("is_a", F, c);
    lx.addRelationCue("contraindicated_for", F, "is contraindicated in");
    for (const char* c : {"is associated with", "associated with", "related to"})
        lx.addRelationCue("associated_with", F, c);
    lx.addRelationCue("localizes_to", F, "affects");
    lx.addRelationCue("risk_factor_for", F, "increased risk of");
    for (const char* c : {"prevents", "prevent"})
        lx.addRelationCue("prevents", F, c);
    lx.addRelationCue("is_a", R, "such as");
    lx.addRelationCue("is_a", R, "including");
    lx.addRelationCue("is_a", R, "specifically");
    for (const char* c : {"favors", "favor", "makes", "making"})
        lx.addRelationCue("evidential", F, c);
    lx.addRelationCue("evidential", R, "possibility given");

    for (const char* c : {"not", "no", "does not", "do not", "rules out", "unlikely", "never",
                          "absent", "rather than"})
        lx.addPolarityCue(Polarity::Negated, c);
    for (const char* c : {"may", "might", "possibly", "possible", "could", "perhaps"})
        lx.addPolarityCue(Polarity::Hedged, c);

    lx.addCompatibility("treats", "treats", EdgeDirection::Forward);
    lx.addCompatibility("treats", "palliates", EdgeDirection::Forward);
    lx.addCompatibility("treats", "indication", EdgeDirection::Forward);
    lx.addCompatibility("causes", "causes", EdgeDirection::Forward);
    lx.addCompatibility("causes", "presents", EdgeDirection::Forward);
    lx.addCompatibility("presents_with", "presents", EdgeDirection::Forward);
    lx.addCompatibility("indicates", "presents", EdgeDirection::Reverse);
    lx.addCompatibility("resembles", "resembles", EdgeDirection::Either);
    // A finding supports a diagnosis over a path: the disease presents it, or resembles
    // one that does.
    lx.addCompatibility("evidential", "presents", EdgeDirection::Reverse);
    lx.addCompatibility("evidential", "resembles", EdgeDirection::Either);
    lx.addCompatibility("is_a", "is_a", EdgeDirection::Forward);
    lx.addCompatibility("contraindicated_for", "contraindication", EdgeDirection::Forward);
    // Specificity is compatible; a drug that causes or must not be given in a disease does
    // not treat it.
    lx.addCompatibility("causes", "is_a", EdgeDirection::Either, RelationMatch::Specificity);
    lx.addCompatibility("treats", "causes", EdgeDirection::Forward, RelationMatch::Excludes);
    lx.addCompatibility("treats", "contraindication", EdgeDirection::Forward,
                        RelationMatch::Excludes);
    // The mini-KG lists every indication of its drugs over its diseases.
    lx.addCompleteList({"clinic", "treats", "Compound", "Disease", {"treats", "palliates"}});
    return lx;
}

inline void buildClinic(TestKnowledgeBase& kb) {
    for (const char* s :
         {"fever", "cough", "chest pain", "rash", "polyuria", "weight loss", "wheezing"})
        kb.add(s, "Symptom");
    kb.add("community-acquired pneumonia", "Disease", {"pneumonia"});
    kb.add("acute bronchitis", "Disease", {"bronchitis"});
    kb.add("lung disease", "Disease", {"lung diseases"});
    kb.add("asthma", "Disease");
    kb.add("type 1 diabetes mellitus", "Disease", {"type 1 diabetes"});
    kb.add("type 2 diabetes mellitus", "Disease", {"type 2 diabetes"});
    kb.add("diabetes mellitus", "Disease", {"diabetes"});
    for (const char* s :
         {"amoxicillin", "azithromycin", "insulin", "metformin", "albuterol", "propranolol"})
        kb.add(s, "Compound");
    kb.add("INSR", "Gene");
    kb.add("lung", "Anatomy");
    kb.add("kidney", "Anatomy");
    // Known by name only, no edges: nothing can be checked against it.
    kb.add("photosensitivity", "Side Effect");

    kb.edge("community-acquired pneumonia", "presents", "fever");
    kb.edge("community-acquired pneumonia", "presents", "cough");
    kb.edge("community-acquired pneumonia", "presents", "chest pain");
    kb.edge("community-acquired pneumonia", "resembles", "acute bronchitis");
    kb.edge("acute bronchitis", "presents", "wheezing");
    kb.edge("community-acquired pneumonia", "is_a", "lung disease");
    kb.edge("acute bronchitis", "is_a", "lung disease");
    kb.edge("amoxicillin", "treats", "community-acquired pneumonia");
    kb.edge("amoxicillin", "causes", "rash");
    kb.edge("azithromycin", "treats", "acute bronchitis");
    kb.edge("asthma", "presents", "wheezing");
    kb.edge("albuterol", "treats", "asthma");
    kb.edge("propranolol", "contraindication", "asthma");
    kb.edge("type 1 diabetes mellitus", "presents", "polyuria");
    kb.edge("type 2 diabetes mellitus", "presents", "polyuria");
    kb.edge("type 1 diabetes mellitus", "presents", "weight loss");
    kb.edge("type 1 diabetes mellitus", "is_a", "diabetes mellitus");
    kb.edge("type 2 diabetes mellitus", "is_a", "diabetes mellitus");
    kb.edge("insulin", "treats", "type 1 diabetes mellitus");
    kb.edge("metformin", "treats", "type 2 diabetes mellitus");
    kb.edge("metformin", "binds", "INSR");
    kb.edge("type 1 diabetes mellitus", "associates", "INSR");
    kb.edge("community-acquired pneumonia", "localizes", "lung");
}

} // namespace rs::test
