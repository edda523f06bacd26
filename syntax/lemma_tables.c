/*
 * lemma_tables.c - the exception lists of the lemmatizer (lemma.c): forms
 * whose lemma no suffix rule finds.  Written for dyad from general English
 * grammar: the irregular verbs, irregular plurals, pronoun and contraction
 * lemmas (UD English conventions: "me" -> "I", "n't" -> "not", "an" -> "a"),
 * stems that take back an "e" the suffix rules cannot see, and nouns whose
 * final "s" is not a plural.
 */
#include "syntax.h"

/* Irregular verbs: base, past, past participle ("" when regular there).
 * Forms shared by two verbs (found: find / found) take the commoner one. */
const char *const syn_irregular_verbs[][3] = {
    {"arise", "arose", "arisen"}, {"awake", "awoke", "awoken"}, {"bear", "bore", "borne"},
    {"beat", "beat", "beaten"}, {"become", "became", "become"}, {"begin", "began", "begun"},
    {"bend", "bent", "bent"}, {"bet", "bet", "bet"}, {"bid", "bid", "bid"},
    {"bind", "bound", "bound"}, {"bite", "bit", "bitten"}, {"bleed", "bled", "bled"},
    {"blow", "blew", "blown"}, {"break", "broke", "broken"}, {"breed", "bred", "bred"},
    {"bring", "brought", "brought"}, {"broadcast", "broadcast", "broadcast"},
    {"build", "built", "built"}, {"burn", "burnt", "burnt"}, {"burst", "burst", "burst"},
    {"buy", "bought", "bought"}, {"cast", "cast", "cast"}, {"catch", "caught", "caught"},
    {"choose", "chose", "chosen"}, {"cling", "clung", "clung"}, {"come", "came", "come"},
    {"cost", "cost", "cost"}, {"creep", "crept", "crept"}, {"cut", "cut", "cut"},
    {"deal", "dealt", "dealt"}, {"dig", "dug", "dug"}, {"do", "did", "done"},
    {"draw", "drew", "drawn"}, {"dream", "dreamt", "dreamt"}, {"drink", "drank", "drunk"},
    {"drive", "drove", "driven"}, {"eat", "ate", "eaten"}, {"fall", "fell", "fallen"},
    {"feed", "fed", "fed"}, {"feel", "felt", "felt"}, {"fight", "fought", "fought"},
    {"find", "found", "found"}, {"flee", "fled", "fled"}, {"fling", "flung", "flung"},
    {"fly", "flew", "flown"}, {"forbid", "forbade", "forbidden"}, {"forecast", "forecast", "forecast"},
    {"foresee", "foresaw", "foreseen"}, {"forget", "forgot", "forgotten"},
    {"forgive", "forgave", "forgiven"}, {"freeze", "froze", "frozen"}, {"get", "got", "gotten"},
    {"give", "gave", "given"}, {"go", "went", "gone"}, {"grind", "ground", "ground"},
    {"grow", "grew", "grown"}, {"hang", "hung", "hung"}, {"have", "had", "had"},
    {"hear", "heard", "heard"}, {"hide", "hid", "hidden"}, {"hit", "hit", "hit"},
    {"hold", "held", "held"}, {"hurt", "hurt", "hurt"}, {"keep", "kept", "kept"},
    {"kneel", "knelt", "knelt"}, {"know", "knew", "known"}, {"lay", "laid", "laid"},
    {"lead", "led", "led"}, {"lean", "leant", "leant"}, {"leap", "leapt", "leapt"},
    {"learn", "learnt", "learnt"}, {"leave", "left", "left"}, {"lend", "lent", "lent"},
    {"let", "let", "let"}, {"lie", "lay", "lain"}, {"light", "lit", "lit"},
    {"lose", "lost", "lost"}, {"make", "made", "made"}, {"mean", "meant", "meant"},
    {"meet", "met", "met"}, {"mislead", "misled", "misled"}, {"mistake", "mistook", "mistaken"},
    {"overcome", "overcame", "overcome"}, {"overtake", "overtook", "overtaken"},
    {"overthrow", "overthrew", "overthrown"}, {"pay", "paid", "paid"}, {"prove", "", "proven"},
    {"put", "put", "put"}, {"quit", "quit", "quit"}, {"read", "read", "read"},
    {"rebuild", "rebuilt", "rebuilt"}, {"rid", "rid", "rid"}, {"ride", "rode", "ridden"},
    {"ring", "rang", "rung"}, {"rise", "rose", "risen"}, {"run", "ran", "run"},
    {"say", "said", "said"}, {"see", "saw", "seen"}, {"seek", "sought", "sought"},
    {"sell", "sold", "sold"}, {"send", "sent", "sent"}, {"set", "set", "set"},
    {"shake", "shook", "shaken"}, {"shed", "shed", "shed"}, {"shine", "shone", "shone"},
    {"shoot", "shot", "shot"}, {"show", "", "shown"}, {"shrink", "shrank", "shrunk"},
    {"shut", "shut", "shut"}, {"sing", "sang", "sung"}, {"sink", "sank", "sunk"},
    {"sit", "sat", "sat"}, {"sleep", "slept", "slept"}, {"slide", "slid", "slid"},
    {"speak", "spoke", "spoken"}, {"speed", "sped", "sped"}, {"spend", "spent", "spent"},
    {"spill", "spilt", "spilt"}, {"spin", "spun", "spun"}, {"split", "split", "split"},
    {"spread", "spread", "spread"}, {"spring", "sprang", "sprung"}, {"stand", "stood", "stood"},
    {"steal", "stole", "stolen"}, {"stick", "stuck", "stuck"}, {"sting", "stung", "stung"},
    {"stride", "strode", "stridden"}, {"strike", "struck", "struck"}, {"strive", "strove", "striven"},
    {"swear", "swore", "sworn"}, {"sweep", "swept", "swept"}, {"swim", "swam", "swum"},
    {"swing", "swung", "swung"}, {"take", "took", "taken"}, {"teach", "taught", "taught"},
    {"tear", "tore", "torn"}, {"tell", "told", "told"}, {"think", "thought", "thought"},
    {"throw", "threw", "thrown"}, {"thrust", "thrust", "thrust"}, {"undergo", "underwent", "undergone"},
    {"understand", "understood", "understood"}, {"undertake", "undertook", "undertaken"},
    {"undo", "undid", "undone"}, {"upset", "upset", "upset"}, {"wake", "woke", "woken"},
    {"wear", "wore", "worn"}, {"weep", "wept", "wept"}, {"win", "won", "won"},
    {"wind", "wound", "wound"}, {"withdraw", "withdrew", "withdrawn"},
    {"withhold", "withheld", "withheld"}, {"withstand", "withstood", "withstood"},
    {"write", "wrote", "written"}, {"outlaw", "", ""}, {"sew", "", "sewn"},
    {"oversee", "oversaw", "overseen"}, {"uphold", "upheld", "upheld"},
    {"override", "overrode", "overridden"}, {"outrun", "outran", "outrun"},
    {NULL, NULL, NULL},
};

/* Form -> lemma for every tag: pronouns, contractions, be / have / do. */
const char *const syn_lemma_any[][2] = {
    {"me", "I"}, {"mine", "my"}, {"myself", "myself"}, {"us", "we"}, {"them", "they"},
    {"him", "he"}, {"her", "she"}, {"hers", "she"}, {"these", "this"}, {"those", "that"},
    {"an", "a"}, {"n't", "not"}, {"nt", "not"}, {"cannot", "can"},
    {"'m", "be"}, {"'re", "be"}, {"'ll", "will"}, {"'ve", "have"}, {"'d", "would"},
    {"ca", "can"}, {"wo", "will"}, {"sha", "shall"},
    {"am", "be"}, {"is", "be"}, {"are", "be"}, {"was", "be"}, {"were", "be"},
    {"been", "be"}, {"being", "be"}, {"be", "be"}, {"'s", "'s"},
    {"has", "have"}, {"having", "have"}, {"does", "do"}, {"doing", "do"},
    {"dying", "die"}, {"lying", "lie"}, {"tying", "tie"}, {"seeing", "see"},
    {"“", "\""}, {"”", "\""}, {"‘", "'"}, {"’", "'"}, {"``", "\""}, {"''", "\""},
    {NULL, NULL},
};

/* Nouns: irregular plurals, and forms in -s that are not plurals. */
const char *const syn_lemma_noun[][2] = {
    {"men", "man"}, {"women", "woman"}, {"children", "child"}, {"feet", "foot"},
    {"teeth", "tooth"}, {"geese", "goose"}, {"mice", "mouse"}, {"criteria", "criterion"},
    {"phenomena", "phenomenon"}, {"lives", "life"}, {"wives", "wife"}, {"knives", "knife"},
    {"leaves", "leaf"}, {"halves", "half"}, {"wolves", "wolf"}, {"thieves", "thief"},
    {"selves", "self"}, {"shelves", "shelf"}, {"loaves", "loaf"}, {"calves", "calf"},
    {"scarves", "scarf"}, {"crises", "crisis"}, {"analyses", "analysis"}, {"theses", "thesis"},
    {"hypotheses", "hypothesis"}, {"diagnoses", "diagnosis"}, {"oases", "oasis"},
    {"emphases", "emphasis"}, {"parentheses", "parenthesis"}, {"shoes", "shoe"},
    {"toes", "toe"}, {"canoes", "canoe"}, {"series", "series"}, {"species", "species"},
    {"news", "news"}, {"means", "means"}, {"headquarters", "headquarters"},
    {"pm", "p.m."}, {"am", "a.m."}, {"dice", "die"}, {"cacti", "cactus"}, {"fungi", "fungus"},
    {"nuclei", "nucleus"}, {"alumni", "alumnus"}, {"indices", "index"}, {"matrices", "matrix"},
    {"appendices", "appendix"}, {"vertices", "vertex"}, {"oxen", "ox"}, {"brethren", "brother"},
    {"movies", "movie"}, {"cookies", "cookie"}, {"zombies", "zombie"}, {"rookies", "rookie"},
    {"ties", "tie"}, {"pies", "pie"}, {"lies", "lie"}, {"allies", "ally"},
    {"buses", "bus"}, {"gases", "gas"}, {"bonuses", "bonus"}, {"viruses", "virus"},
    {"campuses", "campus"}, {"statuses", "status"}, {"censuses", "census"},
    {"consensuses", "consensus"}, {"focuses", "focus"}, {"lenses", "lens"},
    {NULL, NULL},
};

/* Adjectives and adverbs: irregular comparison. */
const char *const syn_lemma_adj[][2] = {
    {"better", "good"}, {"best", "good"}, {"worse", "bad"}, {"worst", "bad"},
    {"further", "far"}, {"furthest", "far"}, {"farther", "far"}, {"farthest", "far"},
    {NULL, NULL},
};

/* Stems (a suffix taken off) that end in a silent e the rules of lemma.c
 * do not restore: invit(ing) -> invite. */
const char *const syn_e_stems[] = {
    "invit", "unit", "cit", "excit", "ignit", "recit", "incit", "delet", "complet", "compet",
    "wast", "tast", "hast", "bath", "breath", "sooth", "cloth", "loath",
    "caus", "us", "abus", "accus", "refus", "excus", "confus", "amus", "fus", "misus",
    "saf", "strif", "wip", "hop", "shap", "escap", "cop", "typ", "scrap", "grip", "rop",
    "trad", "fad", "invad", "persuad", "evad", "pervad", "grad", "upgrad", "blam",
    "rul", "smil", "compil", "fil", "schedul", "whil", "rescu", NULL,
};

/* Stems that keep no e although the rules would add one: develop(ed). */
const char *const syn_no_e_stems[] = {
    "develop", "envelop", "gallop", "monitor", "mirror", "honor", "favor", "labor",
    "harbor", "color", "vapor", "signal", "total", "equal", "rival", "pivot", "combat",
    "focus", "bias", "canvas", "chorus", "gas", NULL,
};
