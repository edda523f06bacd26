/*
 * test_events.c - the whole pipeline (text, actors, time, quotes, events)
 * on wire-style sentences written for these tests, and on the two real
 * examples under ../shared/examples.
 *
 * Each sample is a sentence, its publication date and what a careful coder
 * expects, written "SOURCE>TARGET:CAMEO" and joined by ";":
 *   - the target "-" means none; a CAMEO code ending in "*" is a prefix
 *     (the dictionary legitimately offers more than one code there);
 *   - "!SOURCE>TARGET:CAMEO" must NOT be coded;
 *   - "none" means the sentence yields no event at all.
 * The roots' tables hold at least three sentences for each of the 20 CAMEO
 * root categories; then passive, negated, compound, quoted, multi-event and
 * no-event sentences.
 */
#include "../check.h"
#include "dyad.h"
#include "../../ingest/ingest.h"

#include <ctype.h>

typedef struct {
    const char *date, *expect, *text;
} sample;

static dyad_model *model;
static dyad_doc *doc;

static void code_text(const char *date, const char *text)
{
    dyad_options opt = {.date = {0, 0, 0}};
    if (dyad_date_parse(date, &opt.date)) fprintf(stderr, "bad date %s\n", date);
    dyad_doc_reset(doc);
    dyad_doc_set_raw(doc, text, strlen(text));
    dyad_process(model, doc, &opt);
}

/* All events of the document, "SRC>TGT:CODE ...", for failure messages. */
static const char *all_events(void)
{
    static char all[1024];
    size_t l = 0;
    all[0] = 0;
    for (uint32_t i = 0; i < doc->n_events && l < sizeof all - 64; i++)
        l += (size_t)snprintf(all + l, sizeof all - l, " %s>%s:%s", doc->events[i].source_code,
                              doc->events[i].target_code[0] ? doc->events[i].target_code : "-", doc->events[i].cameo);
    return l ? all : " nothing";
}

static int code_matches(const char *got, const char *want)
{
    size_t n = strlen(want);
    if (n && want[n - 1] == '*') return !strncmp(got, want, n - 1);
    return !strcmp(got, want);
}

/* The event src -> tgt with this code (or code prefix), in sentence s (-1: any), or NULL. */
static const dyad_event *find_event(const char *src, const char *tgt, const char *code, int s)
{
    if (!strcmp(tgt, "-")) tgt = "";
    for (uint32_t i = 0; i < doc->n_events; i++) {
        const dyad_event *e = &doc->events[i];
        if ((s < 0 || e->sent == (uint32_t)s) && !strcmp(e->source_code, src) && !strcmp(e->target_code, tgt) &&
            code_matches(e->cameo, code))
            return e;
    }
    return NULL;
}

/* Check one expectation list against the coded document. */
static void check_expect(const char *expect, const char *text)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", expect);
    char *save = NULL;
    for (char *t = strtok_r(buf, ";", &save); t; t = strtok_r(NULL, ";", &save)) {
        if (!strcmp(t, "none")) {
            if (doc->n_events)
                CHECK_NOTE("\"%s\": expected no event, got%s", text, all_events());
            continue;
        }
        int absent = *t == '!';
        char *spec = t + absent, *gt = strchr(spec, '>'), *colon = strrchr(spec, ':');
        if (!gt || !colon || colon < gt) { CHECK_NOTE("bad expectation \"%s\"", t); continue; }
        *gt = 0;
        *colon = 0;
        const dyad_event *e = find_event(spec, gt + 1, colon + 1, -1);
        if (!absent && !e)
            CHECK_NOTE("\"%s\": no event %s>%s:%s; got%s", text, spec, gt + 1, colon + 1, all_events());
        if (absent && e)
            CHECK_NOTE("\"%s\": unexpected event %s>%s:%s", text, spec, gt + 1, colon + 1);
    }
}

static void run_samples(const sample *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        code_text(s[i].date, s[i].text);
        check_expect(s[i].expect, s[i].text);
        /* Every event explains itself. */
        for (uint32_t j = 0; j < doc->n_events; j++) {
            const dyad_event *e = &doc->events[j];
            CHECK(e->rule && strstr(e->rule, ".txt:"));
            CHECK(e->source >= 0 && e->verb_len > 0 && e->confidence > 0 && e->confidence <= 1);
            CHECK(dyad_date_valid(e->date));
        }
    }
}

#define RUN_SAMPLES(t) run_samples(t, sizeof t / sizeof *t)

static const sample root01[] = {
    {"2023-02-08", "CHNGOV>TUR:018",
     "Chinese President Xi Jinping expressed condolences to Turkey over the deadly earthquake on Wednesday."},
    {"2024-03-01", "none",             /* declining comment to nobody: no dyad */
     "The Kremlin declined to comment on the report on Tuesday."},
    {"2024-03-01", "none",             /* a denial addressed to nobody */
     "Iran denied any involvement in the attack on the tanker."},
    {"2024-03-01", "JPN>CHN:013",
     "Japan expressed optimism about its relations with China."},
    {"2024-03-01", "none",
     "Islamic State claimed responsibility for the bombing in a statement."},
    {"2024-03-01", "none",
     "Iran voiced concern over the escalation in the Red Sea."},
    {"2024-03-01", "none",
     "Russian Foreign Minister Sergei Lavrov reiterated Moscow's position on Ukraine."},
};

static const sample root02[] = {
    {"2024-03-01", "DEUGOV>CHN:020",
     "German Chancellor Olaf Scholz urged China to use its influence on Russia."},
    {"2024-03-01", "UKR>IGOWSTNAT:02*",
     "Ukraine appealed to NATO for more air defence systems."},
    {"2024-03-01", "PAK>IGOIMF:02*",
     "Pakistan asked the International Monetary Fund for a new bailout loan."},
    {"2024-03-01", "USAGOV>ISRGOV:02*",
     "Secretary of State Antony Blinken urged Israeli Prime Minister Benjamin Netanyahu to allow more aid into Gaza."},
    {"2024-03-01", "none",             /* an appeal to nobody named */
     "The United Nations called for an immediate ceasefire in Gaza."},
    {"2024-03-01", "EGY>IGOUNO:0234;!EGY>IGOUNO:020",   /* what the appeal asks for: protection */
     "Egypt called on the United Nations to protect Palestinian civilians."},
};

static const sample root03[] = {
    {"2024-03-01", "JPN>UKR:033",
     "Japan pledged $5 billion in aid to Ukraine."},
    {"2024-03-01", "AFGGOV>PAK:036",
     "The Taliban agreed to hold talks with Pakistan."},
    {"2024-03-01", "DEU>UKR:0332;!DEU>-:030",
     "Germany promised to send Ukraine more air defence systems."},
    {"2024-03-01", "TURGOV>GRC:036",
     "Turkish President Recep Tayyip Erdogan said he was ready to meet Greece."},
    {"2024-03-01", "KORGOV>PRK:036",
     "South Korean President Yoon Suk Yeol offered to hold talks with North Korea."},
    {"2024-03-01", "CHN>PSE:0333",
     "China pledged to provide humanitarian aid to Gaza."},
};

static const sample root04[] = {
    {"2024-03-01", "USAGOV>CHNGOV:040",
     "U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing on Monday."},
    {"2024-03-01", "FRAGOV>UKRGOV:041",
     "French President Emmanuel Macron spoke by telephone with Ukrainian President Volodymyr Zelenskiy on Friday."},
    {"2024-03-01", "INDGOV>USA:042;!USA>INDGOV:043",  /* one act: no host event */
     "Indian Prime Minister Narendra Modi visited the United States last week."},
    {"2024-03-01", "RUSGOV>CHNGOV:043",
     "Russian President Vladimir Putin hosted Xi Jinping in Moscow."},
    {"2024-03-01", "EGY>ISR:046",
     "Egypt held talks with Israel on the Rafah crossing."},
    {"2024-03-01", "IRNGOV>SAU:042;!SAU>IRNGOV:043",
     "Iranian Foreign Minister Hossein Amirabdollahian travelled to Saudi Arabia on Thursday."},
    {"2024-03-01", "QAT>ISR:045;QAT>PSEREBHMS:045",
     "Qatar mediated between Israel and Hamas."},
    {"2024-03-01", "USAGOV>CHNGOV:046",
     "Biden discussed trade with Xi Jinping."},
};

static const sample root05[] = {
    {"2024-03-01", "SAU>IRN:05*",
     "Saudi Arabia restored diplomatic ties with Iran after seven years."},
    {"2024-03-01", "INDGOV>JPN:051",
     "Modi praised Japan for its support."},
    {"2024-03-01", "ISR>ARE:057",
     "Israel signed a peace agreement with the United Arab Emirates."},
    {"2024-03-01", "none",             /* praise of a thing, not of an actor */
     "The European Union welcomed the ceasefire agreement."},
    {"2024-03-01", "IGOEUREEC>UKR:051",
     "The European Union backed Ukraine's bid for membership."},
    {"2024-03-01", "USAGOV>ISR:052",
     "The White House defended Israel."},
    {"2024-03-01", "JPNGOV>KOR:055",
     "Japanese Prime Minister Fumio Kishida apologized to South Korea."},
};

static const sample root06[] = {
    {"2024-03-01", "USA>PHL:062",
     "The United States held joint military exercises with the Philippines in the South China Sea."},
    {"2024-03-01", "GBR>UKR:064",
     "Britain shared intelligence with Ukraine."},
    {"2024-03-01", "FRA>DZA:063",
     "France extradited a suspect to Algeria on Tuesday."},
    {"2024-03-01", "CHN>BRA:057",
     "China signed a trade deal with Brazil."},
    {"2024-03-01", "RUS>IND:062",
     "Russia sold India five S-400 air defence systems."},
    {"2024-03-01", "GBR>UKRMIL:062",
     "Britain trained Ukrainian soldiers."},
    {"2024-03-01", "CHN>PAK:061",
     "China invested $60 billion in Pakistan."},
};

static const sample root07[] = {
    {"2024-03-01", "USA>UKR:072",
     "The United States sent Ukraine $300 million in military aid."},
    {"2024-03-01", "JPN>TUR:073",
     "Japan provided humanitarian aid to Turkey."},
    {"2024-03-01", "DEU>-:075",
     "Germany granted asylum to two Russian deserters."},
    {"2024-03-01", "IGOWBK>EGY:071",
     "The World Bank approved a $500 million loan to Egypt."},
    {"2024-03-01", "DEU>UKR:072",
     "Germany supplied Ukraine with Leopard tanks."},
    {"2024-03-01", "IGOUNO>SDN:073",
     "The United Nations delivered food aid to Sudan."},
    {"2024-03-01", "USA>ISR:070",
     "The United States helped Israel with air defence."},
    {"2024-03-01", "USAGOV>UKRGOV:0332",
     "Washington will give Kyiv another $61 billion in military aid."},
};

static const sample root08[] = {
    {"2024-03-01", "IRN>USACVL:0841",
     "Iran freed five U.S. citizens on Monday."},
    {"2024-03-01", "ISRMIL>PSE:0874",
     "Israeli troops withdrew from the Gaza Strip."},
    {"2024-03-01", "USA>VEN:085",
     "The United States eased sanctions on Venezuela."},
    {"2024-03-01", "PSEREBHMS>ISRCVL:0841",
     "Hamas released 24 Israeli hostages."},
    {"2024-03-01", "RUSMIL>-:0874",
     "Russian troops retreated from Kherson."},
    {"2022-07-07", "GBRGOV>-:0831",
     "British Prime Minister Boris Johnson resigned on Thursday."},
    {"2024-03-01", "USA>IRN:081",
     "The United States eased restrictions on Iran."},
};

static const sample root09[] = {
    {"2024-03-01", "IGOICC>ISR:090",
     "The International Criminal Court opened an investigation into Israel."},
    {"2024-03-01", "IGOEUREEC>-:090",
     "The European Union launched an inquiry into Chinese electric vehicle subsidies."},
    {"2024-03-01", "IGOUNO>RUS:091",
     "United Nations investigators probed alleged war crimes by Russia."},
    {"2024-03-01", "IGOUNO>-:090",
     "The United Nations launched an investigation into the killings."},
    {"2024-03-01", "USACOP>-:09*",
     "The FBI investigated the attack."},
    {"2024-03-01", "IGOUNOIAE>IRN:090",
     "The International Atomic Energy Agency inspected Iran's nuclear facilities."},
};

static const sample root10[] = {
    {"2024-03-01", "UKR>RUSMIL:1056",
     "Ukraine demanded the withdrawal of Russian troops."},
    {"2024-03-01", "ISR>PSEREBHMS:100;!PSEREBHMS>-:0841",
     "Israel demanded that Hamas release the hostages."},
    {"2024-03-01", "CHN>USA:100;!USA>TWN:163",
     "China demanded the United States stop arms sales to Taiwan."},
    {"2024-03-01", "UKRGOV>IGOWSTNAT:1032",
     "Ukrainian President Volodymyr Zelenskiy demanded more weapons from NATO."},
    {"2024-03-01", "ISR>LBNREBHEZ:1056",
     "Israel demanded the disarmament of Hezbollah."},
};

static const sample root11[] = {
    /* the tree: a claim about another's deed is the claimant's accusation */
    {"2005-02-01", "GBRPTYCON>GBRPTYLAB:112;!GBRPTYLAB>-:128",
     "Labour has broken its promise on tuition fees, the Tories claimed."},
    /* verb sense: plans attacked are criticised, not assaulted */
    {"2005-02-01", "GBRPTYCON>GBRPTYLAB:111;!GBRPTYCON>GBRPTYLAB:190",
     "The Conservatives attacked Labour plans for new taxes."},
    /* the Leader of the Opposition in 2005 (hand-written over the office-holders import) */
    {"2005-02-01", "GBROPP>GBRGOV:112",
     "Tory leader Michael Howard accused Tony Blair of squabbling like a schoolboy."},
    {"2005-02-01", "GBRPTYLDM>GBRPTYCON:111",
     "Liberal Democrat spokesman Mark Oaten criticised the Tories over asylum."},
    {"2024-03-01", "CHN>USA:111",
     "China criticized the United States over arms sales to Taiwan."},
    {"2024-03-01", "IRN>ISR:1123",
     "Iran accused Israel of carrying out the attack."},
    {"2024-03-01", "POL>RUS:111",
     "Poland condemned Russia's missile strikes on Kyiv."},
    {"2018-07-12", "PRK>USAGOV:111",
     "The Hermit Kingdom slammed “regrettable” talks with Secretary of State Mike Pompeo’s delegation."},
    {"2024-03-01", "TURGOV>SWEGOV:11*",
     "Turkey's foreign ministry summoned the Swedish ambassador."},
    {"2024-03-01", "CHN>JPN:111",
     "China denounced Japan's release of treated water."},
    {"2024-03-01", "RUS>USA:112",
     "Russia blamed the United States for the explosion."},
};

static const sample root12[] = {
    {"2024-03-01", "PSEREBHMS>ISR:12*",
     "Hamas rejected Israel's ceasefire proposal."},
    {"2024-03-01", "RUS>IGOUNO:129",
     "Russia vetoed a U.N. Security Council resolution on Ukraine."},
    {"2024-03-01", "ISR>PSEREBHMS:125",
     "Israel refused to meet with Hamas."},
    {"2024-03-01", "TWN>CHN:120",
     "Taiwan rejected China's claims of sovereignty."},
    {"2024-03-01", "PRK>KOR:12*",
     "North Korea rebuffed South Korea's offer of aid."},
    {"2024-03-01", "IRN>IGOUNOIAE:128",
     "Iran defied the International Atomic Energy Agency."},
};

static const sample root13[] = {
    {"2024-03-01", "RUSGOV>-:138",
     "Putin threatened to deploy nuclear weapons."},
    {"2024-03-01", "CHN>USA:130",
     "China warned the United States against interfering in Taiwan."},
    {"2024-03-01", "IRN>ISR:138",
     "Iran threatened Israel with harsh retaliation."},
    {"2025-06-01", "USAGOV>MEX:1312",
     "Trump threatened to impose tariffs on Mexico."},
    {"2024-03-01", "PRK>KOR:138",
     "North Korea threatened South Korea with nuclear strikes."},
    {"2024-03-01", "USAGOV>IRN:130;!IRN>USAMIL:190",
     "The White House warned Iran against attacking U.S. forces."},
    {"2024-03-01", "RUS>-:138",
     "Russia threatened to retaliate."},
};

static const sample root14[] = {
    {"2024-03-01", "ISR>ISRGOV:141",
     "Thousands of Israelis protested against Netanyahu in Tel Aviv."},
    {"2024-03-01", "PSE>-:141",
     "Hundreds of Palestinians demonstrated outside the Israeli embassy."},
    {"2024-03-01", "KENOPP>KENGOV:141",    /* "the government" is the story country's (issue 15.4) */
     "Kenyan opposition supporters rallied against the government in Nairobi."},
    {"2024-03-01", "FRAAGR>-:144;!FRAAGR>FRAGOV:120",
     "French farmers blocked roads around Paris."},
    {"2024-03-01", "ARMOPP>ARMGOV:141",
     "Armenian opposition supporters staged a protest in Yerevan."},
    {"2024-03-01", "INDGOV>-:14*",
     "The Indian government boycotted the summit."},
};

static const sample root15[] = {
    {"2024-03-01", "PRK>-:150",
     "North Korea test-fired two ballistic missiles into the sea."},
    {"2024-03-01", "CHN>TWN:150",
     "China held military drills around Taiwan."},
    {"2024-03-01", "RUS>-:152",
     "Russia put its nuclear forces on high alert."},
    {"2024-03-01", "IND>CHN:154",
     "India deployed troops to its border with China."},
    {"2024-03-01", "CHN>-:15*",
     "China scrambled fighter jets near Taiwan."},
    {"2024-03-01", "RUS>BLR:154",
     "Russia deployed tactical nuclear weapons to Belarus."},
    {"2024-03-01", "PRK>-:150",
     "North Korea test-fired a cruise missile off its western coast."},
    {"2024-03-01", "PRKGOV>-:150",
     "Kim Jong Un oversaw a test of a new solid-fuel missile."},
};

static const sample root16[] = {
    {"2024-03-01", "NER>FRAGOV:1*",
     "Niger expelled the French ambassador."},
    {"2024-03-01", "IGOEUREEC>RUS:163",
     "The European Union imposed new sanctions on Russia."},
    {"2024-03-01", "COL>ISR:161",
     "Colombia severed diplomatic ties with Israel."},
    {"2024-03-01", "USA>NER:162",
     "The United States suspended aid to Niger."},
    {"2024-03-01", "USA>CHN:163",
     "The United States banned exports of advanced chips to China."},
    {"2024-03-01", "RUS>USAGOV:161",
     "Russia recalled its ambassador from Washington."},
    {"2024-03-01", "ISR>IRN:163",
     "Israel imposed sanctions on Iran."},
    {"2024-03-01", "KOR>PRK:160",
     "South Korea suspended a military agreement with North Korea."},
};

static const sample root17[] = {
    {"2024-03-01", "RUSCOP>RUSCVL:173",   /* the people where it happened */
     "Russian police arrested dozens of protesters in Moscow."},
    {"2024-03-01", "ISRMIL>PSE:1712",    /* the home's place: "in the West Bank" */
     "Israeli forces demolished a Palestinian home in the West Bank."},
    {"2024-03-01", "CHNGOV>JPNBUS:173",
     "Chinese authorities detained a Japanese businessman."},
    {"2024-03-01", "IRN>IRNCVL:1823",     /* a state on people of no named country: its own */
     "Iran executed four men accused of spying for Israel."},
    {"2024-03-01", "IRNGOV>IRNCVL:173",
     "Iranian authorities arrested dozens of protesters."},
    {"2024-03-01", "RUSGOV>USAMED:173",
     "Russian authorities detained a Wall Street Journal reporter."},
    {"2024-03-01", "none",             /* no victim actor: no dyad */
     "Iranian forces seized an oil tanker in the Gulf of Oman."},
};

static const sample root18[] = {
    {"2024-03-01", "PSEREBHMS>ISR:181",
     "Hamas abducted more than 200 Israelis."},
    {"2024-03-01", "ISR>PSEREBHMS:186",
     "Israel assassinated a senior Hamas commander in Beirut."},
    {"2024-03-01", "IMGMOSISI>AFGCVL:190",
     "An Islamic State suicide bomber killed 12 people in Kabul."},
    {"2024-03-01", "none",             /* rebels' victims of no named country: no dyad */
     "Hamas gunmen kidnapped dozens of civilians."},
    {"2024-03-01", "none",
     "Boko Haram militants abducted 300 schoolgirls."},
    {"2024-03-01", "AFGREBISK>AFGGOV:18*",
     "Islamic State Khorasan carried out a suicide bombing in Kabul."},
};

static const sample root19[] = {
    {"2024-03-01", "none",             /* "Ukrainian city": the adjective is no actor mention yet */
     "Russian troops shelled the Ukrainian city of Kharkiv."},
    {"2024-03-01", "ISRMIL>PSE:190",
     "Israeli warplanes struck targets in Gaza."},
    {"2024-03-01", "UKRMIL>RUSMIL:190",
     "Ukrainian forces clashed with Russian troops near Bakhmut."},
    {"2024-03-01", "none",
     "Houthi rebels attacked a British cargo ship in the Red Sea."},
    {"2024-03-01", "RUS>UKR:192",
     "Russia invaded Ukraine in February 2022."},
    {"2024-03-01", "ISRMIL>LBN:19*",
     "Israeli warplanes bombed southern Lebanon."},
    {"2024-03-01", "AZE>ARM:190",
     "Azerbaijan attacked Armenia."},
    {"2024-03-01", "PRK>KOR:194",
     "North Korea fired artillery shells near its border with South Korea."},
};

static const sample root20[] = {
    {"2024-03-01", "none",
     "Myanmar's military carried out a massacre of Rohingya villagers."},
    {"2024-03-01", "SYRGOV>SYRCVL:2041",
     "The Syrian government used chemical weapons against civilians."},
    {"2024-03-01", "none",
     "Islamic State fighters committed genocide against the Yazidis."},
    {"2024-03-01", "UKR>RUS:1124",
     "Ukraine accused Russia of committing genocide."},
    {"2024-03-01", "none",
     "The Rapid Support Forces massacred hundreds of civilians in Darfur."},
    {"2024-03-01", "ISRSET>PSECVL:20*",
     "Israeli settlers drove Palestinian families from their homes."},
};

static const sample passive[] = {
    {"2024-03-01", "USAGOV>CHN:111",
     "China was criticized by the White House for its military drills."},
    {"2024-03-01", "IGOEUREEC>UKR:051",
     "Ukraine was praised by the European Union for its reforms."},
    {"2024-03-01", "RUSMIL>UKR:19*",
     "Ukraine was attacked by Russian troops on Thursday."},
    {"2024-03-01", "PSEREBHMS>ISRCVL:0841",
     "Two Israeli hostages were freed by Hamas on Sunday."},
    {"2024-03-01", "none",
     "Ukraine was attacked on Thursday."},
};

static const sample negated[] = {
    {"2024-03-01", "none",
     "Russia did not attack Ukraine on Tuesday."},
    {"2024-03-01", "none",
     "Israel never bombed the hospital."},
    {"2024-03-01", "none",
     "China has not criticized Russia."},
    {"2024-03-01", "PRKGOV>USA:125;!PRKGOV>USA:040",
     "North Korea's Kim Jong Un refused to meet the United States."},
    {"2024-03-01", "IRN>USA:125;!IRN>USA:046",
     "Iran will not negotiate with the United States."},
    {"2024-03-01", "none",
     "Pakistan failed to reach an agreement with the International Monetary Fund."},
    {"2024-03-01", "none",
     "Germany was unable to send tanks to Ukraine."},
    {"2024-03-01", "RUS>UKR:190",
     "Russia last week attacked Ukraine."},
    {"2024-03-01", "none",
     "Israel won’t attack Iran, Netanyahu said."},
};

static const sample compound[] = {
    {"2024-03-01", "USA>RUS:163;GBR>RUS:163",
     "The United States and Britain imposed sanctions on Russia."},
    {"2024-03-01", "USAGOV>CHNGOV:040;CHNGOV>USAGOV:040",
     "Biden and Xi Jinping met in San Francisco."},
    {"2024-03-01", "FRA>MLI:161;FRA>NER:161",
     "France cut diplomatic ties with Mali and Niger."},
    {"2024-03-01", "ISR>ARE:057;ARE>ISR:057",
     "Israel and the United Arab Emirates signed a peace agreement."},
};

static const sample quoted[] = {
    {"2018-06-01", "USAGOV>PRKGOV:036",
     "“I will meet Kim Jong Un in Singapore,” Trump said on Friday."},
    {"2025-10-29", "USAGOV>PRKGOV:036",
     "“I’d love to meet Kim Jong Un,” President Donald Trump told reporters."},
    {"2024-03-01", "RUSGOV>UKR:138",
     "“We will destroy Ukraine,” Putin said."},
    {"2024-03-01", "USAGOV>CHN:111",
     "“We condemn China's actions,” Blinken said."},
    {"2018-06-01", "USAGOV>PRKGOV:036",
     "“I’ll meet Kim Jong Un in Singapore,” Trump said."},
};

static const sample multi[] = {
    {"2024-03-01", "RUSMIL>UKR:194;UKRGOV>IGOWSTNAT:02*;!UKR>IGOWSTNAT:02*",
     "Russian troops shelled Ukraine on Monday, and Ukrainian President Volodymyr Zelenskiy urged NATO to send more weapons."},
    {"2024-03-01", "IRN>ISR:112;IRN>ISR:138",
     "Iran accused Israel of the strike and threatened Israel with retaliation."},
    {"2024-03-01", "USAGOV>ISRGOV:040;USAGOV>PSE:033",
     "Blinken met Netanyahu in Jerusalem and pledged aid to Gaza."},
    {"2024-03-01", "IRNMIL>IRQ:19*;IRNMIL>IRQMIL:19*",
     "Iranian forces shelled Iraq, killed 1,500 Iraqi soldiers and destroyed 45 tanks."},
};

static const sample none[] = {
    /* the tree: what is denied, feared or only possible did not happen */
    {"2024-03-01", "!USA>IRN:06*;!USA>IRN:07*",
     "The White House denied that the United States had sold weapons to Iran."},
    {"2024-03-01", "none",
     "Iran could consider launching attacks on Israel."},
    {"2024-03-01", "none",
     "The talks between Russia and Ukraine resumed in Istanbul."},
    {"2024-03-01", "none",
     "The summit between Israel and Egypt was a “success”, officials said."},
    {"2024-03-01", "none",
     "Italy and Germany favour an early start to talks with Turkey."},
    {"2024-03-01", "none",
     "Russia could attack NATO within five years, the report said."},
    {"2024-03-01", "none",
     "The United States is expected to impose sanctions on Iran."},
    {"2024-03-01", "none",
     "Iran's “attack” on the tanker was a hoax, Tehran said."},
    {"2024-03-01", "none",
     "Italy said its exclusion from the meeting violated an agreement with Canada."},
    {"2024-03-01", "JPNBUS>NGA:1221;!JPNBUS>NGA:071",
     "Japanese banks are unwilling to provide new credits to Nigeria."},
    {"2024-03-01", "none",
     "The meeting with Kim Jong Un was cancelled."},
    {"2024-03-01", "none",
     "Kim doesn't seem nearly as eager to meet."},
    {"2024-03-01", "none",
     "Japan declined to criticize China."},
    {"2024-03-01", "none",
     "The Lib Dems plan to oppose the bill in the Lords."},
    {"2024-03-01", "none",
     "Egypt would not discuss the reports."},
    {"2024-03-01", "none",
     "In eastern and southern Ethiopia, a prolonged drought has killed crops and drained wells."},
    {"2024-03-01", "none",
     "India, along with China, Brazil and Russia, has been invited to the G7 meeting taking place in London."},
    {"2024-03-01", "RUS>CHN:057;!RUS>CHN:046",
     "Russia signed a long-term oil supply deal with China."},
    {"2024-03-01", "none",
     "Russia is planning to criticize the United States at the summit."},
    {"2024-03-01", "none",
     "There was speculation that Israel would attack Iran."},
    {"2024-03-01", "none",
     "Bank of Japan officials said they hope Japanese commercial banks will help Nigeria overcome its debt problems."},
    {"2024-03-01", "none",
     "Congress approved aid for the rebels, who are fighting Nicaragua's leftist government."},
};

static void test_root01_statement(void) { RUN_SAMPLES(root01); }
static void test_root02_appeal(void) { RUN_SAMPLES(root02); }
static void test_root03_intent(void) { RUN_SAMPLES(root03); }
static void test_root04_consult(void) { RUN_SAMPLES(root04); }
static void test_root05_diplomatic_cooperation(void) { RUN_SAMPLES(root05); }
static void test_root06_material_cooperation(void) { RUN_SAMPLES(root06); }
static void test_root07_aid(void) { RUN_SAMPLES(root07); }
static void test_root08_yield(void) { RUN_SAMPLES(root08); }
static void test_root09_investigate(void) { RUN_SAMPLES(root09); }
static void test_root10_demand(void) { RUN_SAMPLES(root10); }
static void test_root11_disapprove(void) { RUN_SAMPLES(root11); }
static void test_root12_reject(void) { RUN_SAMPLES(root12); }
static void test_root13_threaten(void) { RUN_SAMPLES(root13); }
static void test_root14_protest(void) { RUN_SAMPLES(root14); }
static void test_root15_force_posture(void) { RUN_SAMPLES(root15); }
static void test_root16_reduce_relations(void) { RUN_SAMPLES(root16); }
static void test_root17_coerce(void) { RUN_SAMPLES(root17); }
static void test_root18_assault(void) { RUN_SAMPLES(root18); }
static void test_root19_fight(void) { RUN_SAMPLES(root19); }
static void test_root20_mass_violence(void) { RUN_SAMPLES(root20); }
static void test_passive(void) { RUN_SAMPLES(passive); }
static void test_negated_and_failed(void) { RUN_SAMPLES(negated); }
static void test_compound_actors(void) { RUN_SAMPLES(compound); }
static void test_quoted_speaker(void) { RUN_SAMPLES(quoted); }
static void test_several_events(void) { RUN_SAMPLES(multi); }
static void test_no_event(void) { RUN_SAMPLES(none); }

/* Patterns read over the tree: the dependents decide, not the distance. */
static const sample tree[] = {
    {"1987-03-04", "IRNMIL>IRQ:190",        /* force used in another country: against it */
     "Iranian troops are fighting on two fronts in northern Iraq."},
    {"1987-03-04", "none",                  /* no place, no object: nobody */
     "Iranian troops are fighting in the mountains, the agency said."},
    {"2005-03-23", "FRAGOV>GBR:111",        /* "called X unjustified": the object's owner */
     "French president Jacques Chirac has called Britain's rebate from the European Union unjustified."},
    {"2005-03-23", "GBRGOV>IGOEUREEC:040",  /* "his EU counterparts": the EU, not Blair again */
     "Prime Minister Tony Blair is meeting his EU counterparts in Brussels."},
    {"2015-03-04", "JPNGOV>USAGOV:036;!JPNGOV>USAGOV:042",   /* a present-tense when-clause is a plan */
     "Japan hopes to finish the trade deal before April 19, when Shinzo Abe visits Washington."},
    {"2005-01-12", "GBRGOV>KEN:042",
     "Chancellor Gordon Brown returned from a tour of Kenya on Wednesday."},
    {"2024-03-01", "IGOEUREEC>RUS:0253;!IGOEUREEC>RUS:020;!IGOEUREEC>-:0841",   /* the appeal is for the release */
     "The EU called on Russia to release the jailed activists."},
    {"2005-03-04", "NOR>IGOEUREEC:125",     /* not seeking talks: refusing to negotiate */
     "Norway announced it would not seek accession talks with the European Union."},
    {"2025-10-29", "USAGOV>KOR:042",        /* a nominal visit: its owner, bound by the clause subject */
     "Trump spoke to reporters during his visit to South Korea."},
    {"2025-10-29", "none",                  /* only possible: no meeting */
     "A possible meeting between Donald Trump and Kim Jong Un was discussed."},
    {"1987-03-01", "USA>POL:163;!USA>POL:0874",   /* withdrawing trade status is a sanction, no retreat */
     "The United States withdrew most favoured nation trading status from Poland in 1982."},
    {"2024-03-01", "none",                  /* "called for a ceasefire" is no ceasefire */
     "The United Nations called for an immediate ceasefire in Gaza."},
};
static void test_tree_patterns(void) { RUN_SAMPLES(tree); }

/* An event takes the date of its own clause's time expression; the
 * reporting verb's date stays the report's. */
static void test_clause_date(void)
{
    code_text("2005-03-04", "Iraq said on Tuesday that its forces crushed an attack by Iran on Monday.");
    const dyad_event *e = find_event("IRQ", "IRN", "190", 0);
    CHECK(e != NULL);
    if (e) {
        char d[11];
        dyad_date_format(e->date, d);
        CHECK_STR(d, "2005-02-28");
    }
    code_text("2005-03-04", "President Bush said on Friday that he met Tony Blair in 2003.");
    e = find_event("USAGOV", "GBRGOV", "040", 0);
    CHECK(e != NULL);
    if (e) CHECK_INT(e->date.year, 2003);
}

/* The whole record of one event: ontology values, evidence span, flags. */
static void test_event_fields(void)
{
    const char *text = "Israel signed a peace agreement with the United Arab Emirates.";
    code_text("2024-03-01", text);
    CHECK_INT(doc->n_events, 1);                  /* "with" names the other side: no reciprocal */
    const dyad_event *e = find_event("ISR", "ARE", "057", 0);
    CHECK(e != NULL);
    if (!e) return;
    CHECK(e->goldstein > 7.9f && e->goldstein < 8.1f);
    CHECK_INT(e->quad, 1);
    CHECK_STR(e->plover_type, "SUPPORT");
    CHECK_SPAN(doc->text + e->verb_off, e->verb_len, "signed a peace agreement with");
    CHECK_SPAN(doc->text + doc->mentions[e->target].off, doc->mentions[e->target].len, "the United Arab Emirates");
    CHECK(strstr(e->rule, "05_diplomatic_cooperation.txt:") == e->rule);
    CHECK_INT(e->flags, 0);                      /* parsed: not the token matcher (DYAD_EV_SHALLOW) */
    CHECK_INT(e->reports, 1);
    char d[11];
    dyad_date_format(e->date, d);
    CHECK_STR(d, "2024-03-01");

    code_text("2024-03-01", "China was criticized by the White House for its military drills.");
    e = find_event("USAGOV", "CHN", "111", 0);
    CHECK(e && (e->flags & DYAD_EV_PASSIVE));
    code_text("2018-06-01", "“I will meet Kim Jong Un in Singapore,” Trump said on Friday.");
    e = find_event("USAGOV", "PRKGOV", "036", 0);
    CHECK(e && (e->flags & DYAD_EV_QUOTED) && (e->flags & DYAD_EV_MODAL));
    code_text("2024-03-01", "Iran will not negotiate with the United States.");
    e = find_event("IRN", "USA", "125", 0);
    CHECK(e && (e->flags & DYAD_EV_NEGATED));
}

/* Event data records who the actors were when they acted: a story of 2022
 * looking back on 2018 codes Trump as he was in 2018. */
static void test_roles_at_event_date(void)
{
    code_text("2022-05-12",
              "Former President Donald Trump on Tuesday criticized President Joe Biden's approach to "
              "North Korea.\n\n"
              "In 2018, Trump met North Korean leader Kim Jong Un in Singapore. He praised Kim after the talks.");
    const dyad_event *e = find_event("USAELI", "USAGOV", "11*", 0);
    CHECK(e != NULL);                                   /* 2022: Trump out of office, Biden in */
    e = find_event("USAGOV", "PRKGOV", "04*", 1);
    CHECK(e != NULL);                                   /* 2018: President Trump met Kim */
    if (e) {
        char d[11];
        dyad_date_format(e->date, d);
        CHECK_STR(d, "2018");
        CHECK_STR(doc->entities[doc->mentions[e->source].entity].code, "USAELI");  /* the entity: as of 2022 */
    }
    /* "He praised Kim": He is not Kim (a subject pronoun is never the person
     * its own sentence goes on to name), so it is Trump, coded as in 2018. */
    CHECK(find_event("USAGOV", "PRKGOV", "05*", 2) != NULL);
    CHECK(find_event("PRKGOV", "PRKGOV", "05*", 2) == NULL);
    if (check_failed_now) CHECK_NOTE("events:%s", all_events());
    /* Biden in 1985 was a senator; the Soviet Union is a country of its own. */
    code_text("2022-05-12", "In 1985, Joe Biden criticized the Soviet Union over its arms build-up.");
    CHECK(find_event("USALEG", "SUN", "11*", 0) != NULL);
    if (check_failed_now) CHECK_NOTE("events:%s", all_events());
    /* A person with no known role at the earlier date keeps the code of the
     * publication date rather than losing the actor. */
    code_text("2025-10-01", "In 2020, Lee Jae Myung criticized Japan over its export curbs.");
    CHECK(find_event("KORGOV", "JPN", "11*", 0) != NULL);
    if (check_failed_now) CHECK_NOTE("events:%s", all_events());
}

/* ---- the real examples (read from ../shared, never copied) */

static int load_example(const char *name, const char *date)
{
    size_t len = 0;
    char *buf = check_slurp(check_shared(name), &len);
    if (!buf) { CHECK_NOTE("cannot read %s", check_shared(name)); return 0; }
    dyad_options opt = {.date = {0, 0, 0}};
    dyad_date_parse(date, &opt.date);
    dyad_doc_reset(doc);
    ingest_plain_text(buf, len, doc);
    free(buf);
    dyad_process(model, doc, &opt);
    return 1;
}

/* The first sentence containing needle, or -1. */
static int sentence_with(const char *needle)
{
    size_t n = strlen(needle);
    for (uint32_t s = 0; s < doc->n_sents; s++) {
        const dyad_sentence *st = &doc->sents[s];
        for (uint32_t i = 0; i + n <= st->len; i++)
            if (!memcmp(doc->text + st->off + i, needle, n)) return (int)s;
    }
    return -1;
}

#define EXPECT_IN(needle, src, tgt, code) do { int s_ = sentence_with(needle); \
    if (s_ < 0) CHECK_NOTE("%s:%d: no sentence with \"%s\"", __FILE__, __LINE__, needle); \
    else if (!find_event(src, tgt, code, s_)) CHECK_NOTE("%s:%d: no %s>%s:%s in \"%s...\"; document has%s", \
        __FILE__, __LINE__, src, tgt, code, needle, all_events()); } while (0)

static const char *date_of(const dyad_event *e)
{
    static char d[11];
    dyad_date_format(e->date, d);
    return d;
}

static void test_example_003(void)
{
    if (!load_example("examples/003_023876788a9e6448.txt", "2018-07-12")) return;
    /* the Hermit Kingdom slammed "regrettable" talks with Pompeo's delegation */
    EXPECT_IN("slammed", "PRK", "USAGOV", "11*");
    /* the North Korean Foreign Ministry accusing the United States */
    EXPECT_IN("accusing the U.S.", "PRKGOV", "USA", "11*");
    /* Pompeo's delegation visiting North Korea: one act, one event (no host 043) */
    EXPECT_IN("traveled to North Korea", "USAGOV", "PRK", "042");
    /* Kim thanking Trump in the letter dated July 6 */
    const dyad_event *e = find_event("PRKGOV", "USAGOV", "051", sentence_with("thanked"));
    CHECK(e != NULL);
    if (e) CHECK_STR(date_of(e), "2018-07-06");
    /* Kim agreeing to complete denuclearization: an agreement, 03x or 05x */
    int s = sentence_with("denuclearization");
    CHECK(find_event("PRKGOV", "-", "03*", s) || find_event("PRKGOV", "-", "05*", s));
    /* no meeting from "his meeting with Trump" (a noun), no attack from "destroy" */
    CHECK(!find_event("PRKGOV", "-", "17*", s) && !find_event("PRKGOV", "-", "1*", s));
    /* "stray comments after meetings", "the talks with North Korean officials": nouns */
    CHECK(!find_event("USAGOV", "PRKGOV", "04*", sentence_with("good faith")));
}

static void test_example_000(void)
{
    if (!load_example("examples/000_409f928aa0776bbe.txt", "2025-10-29")) return;
    /* Trump eager to meet Kim: intent to meet */
    EXPECT_IN("eager to meet with", "USAGOV", "PRKGOV", "036");
    EXPECT_IN("hopes of meeting", "USAGOV", "PRKGOV", "036");
    /* "I'd love to meet him": the speaker, Trump, inside his own quotation */
    EXPECT_IN("love to meet him", "USAGOV", "PRKGOV", "036");
    /* North Korea test-firing cruise missiles: a show of force */
    int s = sentence_with("test-fired");
    CHECK(find_event("PRKGOV", "-", "15*", s) || find_event("PRK", "-", "15*", s));
    /* Lee praising Trump's outreach */
    EXPECT_IN("praised Trump", "KORGOV", "USAGOV", "051");
    /* Kim rejecting talks with South Korea */
    EXPECT_IN("no interest in dealing", "PRKGOV", "KOR", "12*");
    /* Trump unable to set up a meeting: no meeting, no intent (the visit to
     * South Korea the sentence names did take place: 042 to KOR is right) */
    s = sentence_with("unable to set up");
    CHECK(s >= 0);
    for (uint32_t i = 0; i < doc->n_events; i++)
        if (doc->events[i].sent == (uint32_t)s && strncmp(doc->events[i].target_code, "KOR", 3) &&
            (doc->events[i].cameo[0] == '0' &&
                                                   (doc->events[i].cameo[1] == '4' || doc->events[i].cameo[1] == '3')))
            CHECK_NOTE("a meeting coded from \"unable to set up a meeting\": %s", doc->events[i].cameo);
    /* "a chance that Trump and Kim would meet": a minister's guess, not their intent */
    s = sentence_with("chance");
    CHECK(!find_event("USAGOV", "PRKGOV", "0*", s) && !find_event("PRKGOV", "USAGOV", "0*", s));
    /* Every event carries the document's date or an earlier sentence date. */
    for (uint32_t i = 0; i < doc->n_events; i++) CHECK_STR(date_of(&doc->events[i]), "2025-10-29");
}

int main(void)
{
    char err[256];
    model = dyad_model_load(NULL, err, sizeof err);
    if (!model) { printf("FAIL load: %s\n", err); return 1; }
    doc = dyad_doc_new();
    RUN(test_root01_statement);
    RUN(test_root02_appeal);
    RUN(test_root03_intent);
    RUN(test_root04_consult);
    RUN(test_root05_diplomatic_cooperation);
    RUN(test_root06_material_cooperation);
    RUN(test_root07_aid);
    RUN(test_root08_yield);
    RUN(test_root09_investigate);
    RUN(test_root10_demand);
    RUN(test_root11_disapprove);
    RUN(test_root12_reject);
    RUN(test_root13_threaten);
    RUN(test_root14_protest);
    RUN(test_root15_force_posture);
    RUN(test_root16_reduce_relations);
    RUN(test_root17_coerce);
    RUN(test_root18_assault);
    RUN(test_root19_fight);
    RUN(test_root20_mass_violence);
    RUN(test_passive);
    RUN(test_negated_and_failed);
    RUN(test_compound_actors);
    RUN(test_quoted_speaker);
    RUN(test_several_events);
    RUN(test_no_event);
    RUN(test_tree_patterns);
    RUN(test_clause_date);
    RUN(test_event_fields);
    RUN(test_roles_at_event_date);
    RUN(test_example_003);
    RUN(test_example_000);
    dyad_doc_free(doc);
    dyad_model_free(model);
    return check_done();
}
