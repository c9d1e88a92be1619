package core

import (
	"slices"
	"sync"

	"github.com/replyguard/replyguard/core/vocab"
)

// Tags for care vocabulary in the PHI matcher.
const (
	tagProcedure  = "procedure"
	tagCondition  = "condition"
	tagMedication = "medication"
	tagColloquial = "colloquial"
	tagCareNoun   = "care" // visit, chart, results: the record of care itself
	tagBilling    = "billing"
	tagClinician  = "clinician"
	tagFamily     = "family"
)

// careNouns are words that, owned by the reader ("your chart"), disclose
// that a care relationship exists even without naming a treatment.
var careNouns = []string{
	"visit", "visits", "appointment", "appointments", "appt", "appt.", "chart", "charts",
	"record", "records", "medical records", "dental records", "file", "patient file",
	"results", "test results", "lab results", "labs", "report", "diagnosis", "prognosis",
	"treatment", "treatments", "treatment plan", "procedure", "procedures", "surgery",
	"operation", "care", "care plan", "exam", "exams", "checkup", "check-up", "check up",
	"follow-up", "follow up", "followup", "consult", "consultation", "session", "sessions",
	"therapy", "recovery", "healing", "healing process", "progress", "case", "condition",
	"symptoms", "pain", "discomfort", "swelling", "prescription", "prescriptions", "rx",
	"refill", "refills", "medication", "medications", "meds", "dose", "dosage", "referral",
	"x-ray", "x-rays", "xray", "xrays", "scan", "scans", "images", "photos", "pictures",
	"before and after", "before-and-after", "impressions", "mold", "molds", "scan results",
	"paperwork", "forms", "intake forms", "health history", "medical history", "history",
	"teeth", "tooth", "gums", "mouth", "bite", "jaw", "skin", "eyes", "vision", "smile",
	"procedure today", "stay", "admission", "discharge", "test", "tests", "biopsy",
	"bloodwork", "blood work", "lab work", "vaccine", "shot", "shots", "injection",
	"before & after", "before/after", "consent form", "consent", "intake", "note", "notes", "chart notes",
	"due date", "delivery", "birth", "pregnancy", "ultrasound", "booster", "boosters", "sessions",
	"rehab", "round", "treatment", "progress photos", "smile gallery", "glasses", "contacts", "lenses",
	"knee", "knees", "shoulder", "shoulders", "hamstring", "ankle", "wrist", "hip", "hips", "neck", "eye",
	"progressives", "bifocals", "trifocals", "frames", "lens", "readers", "hearing aids", "hearing aid",
	"eye drops", "drops", "monitor", "pump",
	"repair", "replacement", "reconstruction", "removal", "transplant", "fusion", "infusion", "fracture",
	"tear", "sprain", "strain", "exercises", "home program", "home exercises", "stretches", "tendon repair",
	"numbers", "levels", "glucose", "blood sugar", "a1c", "glucose logs", "blood pressure", "weight", "bmi",
	"cholesterol", "iron", "vitals", "heart rate", "sleep study", "check", "2-week check", "well visit",
	"well-child visit", "well baby", "newborn visit", "refill", "release", "records release", "tray", "trays",
}

// bodyNouns are care nouns that are everyday words too ("your smile"): they
// count only with an experience word in the same sentence.
var bodyNouns = newLexSet(fields(`knee knees back shoulder shoulders hamstring ankle wrist hip hips
	neck eye ear ears foot feet arm leg hand elbow heart lungs teeth tooth gums mouth bite jaw skin
	eyes vision smile history case progress stay care session sessions file report forms pictures
	photos images test tests shot shots pain discomfort swelling condition`)...)

// billingNouns disclose payment or coverage details when owned by the reader.
var billingNouns = []string{
	"bill", "bills", "billing", "balance", "outstanding balance", "account", "account balance",
	"statement", "invoice", "payment", "payments", "payment plan", "copay", "co-pay", "copays",
	"coinsurance", "deductible", "claim", "claims", "insurance", "insurance claim",
	"insurance plan", "plan", "coverage", "benefits", "eob", "explanation of benefits",
	"premium", "refund", "credit", "charges", "charge", "estimate", "out-of-pocket",
	"medicaid", "medicare", "financing", "carecredit", "collections", "ppo", "hmo", "quote",
	"aetna", "cigna", "delta dental", "delta", "metlife", "humana", "united healthcare", "unitedhealthcare",
	"bcbs", "blue cross", "blue shield", "kaiser", "anthem", "guardian", "tricare", "ambetter", "molina",
	"caresource", "chip", "vsp", "eyemed", "davis vision", "lapsed", "lapse", "hsa", "fsa", "past due", "overdue balance", "fee", "fees", "payment history",
}

// clinicianNouns: "your dentist" states who treats the reader.
var clinicianNouns = []string{
	"dentist", "doctor", "dr", "physician", "provider", "hygienist", "orthodontist", "ortho",
	"surgeon", "oral surgeon", "nurse", "np", "pa", "therapist", "physical therapist",
	"pt", "dermatologist", "pediatrician", "optometrist", "ophthalmologist", "obgyn",
	"ob-gyn", "ob", "midwife", "psychiatrist", "psychologist", "counselor", "care team",
	"assistant", "dental assistant", "periodontist", "endodontist", "specialist", "pcp",
	"primary care provider", "chiropractor", "care provider",
}

// familyNouns: "your son's braces" is the same disclosure as "your braces".
var familyNouns = newLexSet(fields(`son son's daughter daughter's kid kid's kids kids' child child's
	children children's husband husband's wife wife's mom mom's mother mother's dad dad's father
	father's baby baby's little one one's ones kiddo kiddo's boy boy's girl girl's grandma grandma's
	grandpa grandpa's grandmother grandfather partner partner's spouse spouse's family family's teen
	teen's toddler toddler's sister sister's brother brother's twins twins' parents parent's`)...)

// builtinLexicon is the process-wide vocabulary shared by every policy.
type builtinLexicon struct {
	care          *phraseSet // procedures, conditions, medications, colloquial, care/billing/clinician nouns
	ambiguousCare wordSet    // single-word care terms that are everyday words too
	firstNames    wordSet
	ambiguousName wordSet
	surnames      wordSet
}

var (
	lexOnce sync.Once
	lex     *builtinLexicon
)

// safeList reads a vocabulary list, tolerating a list that is not there.
func safeList(name string) []string {
	if !slices.Contains(vocab.Names(), name) {
		return nil
	}
	return vocab.List(name)
}

func safeAmbiguous(name string) []string {
	if !slices.Contains(vocab.Names(), name) {
		return nil
	}
	return vocab.Ambiguous(name)
}

func builtins() *builtinLexicon {
	lexOnce.Do(func() {
		l := &builtinLexicon{care: newPhraseSet(), ambiguousCare: wordSet{}}
		addCareVocab(l.care)
		for _, name := range []string{"procedures", "colloquial", "conditions", "medications"} {
			for _, w := range safeAmbiguous(name) {
				if ws := tokens(w); len(ws) == 1 {
					l.ambiguousCare[ws[0]] = true
				}
			}
		}
		l.firstNames = newWordSet(append(safeList("first_names"), safeList("first_names_more")...)...)
		l.ambiguousName = newWordSet(append(safeAmbiguous("first_names"), safeAmbiguous("first_names_more")...)...)
		for _, w := range safeList("first_names_ambiguous") {
			l.ambiguousName[w] = true
		}
		l.surnames = newWordSet(safeList("surnames")...)
		lex = l
	})
	return lex
}

// addCareVocab fills a phrase set with every built-in care term.
func addCareVocab(ps *phraseSet) {
	for _, l := range []struct {
		words []string
		tag   string
	}{
		{safeList("procedures"), tagProcedure}, {safeList("colloquial"), tagColloquial},
		{safeList("conditions"), tagCondition}, {safeList("medications"), tagMedication},
		{careNouns, tagCareNoun}, {billingNouns, tagBilling}, {clinicianNouns, tagClinician},
	} {
		for _, w := range l.words {
			ps.addPlural(w, l.tag)
		}
	}
}
