package core

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/replyguard/replyguard/core/analyses/comment"
	"github.com/replyguard/replyguard/core/analyses/stock"
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/lex/lexgen"
	"github.com/replyguard/replyguard/core/rules/conduct"
	"github.com/replyguard/replyguard/core/vocab"
)

// dataOnly are list files read as plain data rather than registered as
// vocabulary, each for a reason.
var dataOnly = map[string]string{
	"hipaa/intl_care_c_j_k":         "CJK has no spaces between words: matched as substrings",
	"hipaa/intl_you_c_j_k":          "CJK has no spaces between words: matched as substrings",
	"hipaa/intl_days_c_j_k":         "CJK has no spaces between words: matched as substrings",
	"hipaa/intl_mine_c_j_k":         "CJK has no spaces between words: matched as substrings",
	"hipaa/intl_titles_c_j_k":       "CJK has no spaces between words: matched as substrings",
	"hipaa/intl_general_c_j_k":      "CJK has no spaces between words: matched as substrings",
	"hipaa/intl_staff_titles_c_j_k": "CJK has no spaces between words: matched as substrings",
	"hipaa/intl_time_units_c_j_k":   "characters after digits in CJK dates and times, not words",
	"hipaa/role_local_parts":        "parts of email addresses, not words",
	"hipaa/relationship_phrases":    "registered with generated phrases as hipaa/relationship",
	"hipaa/weak_relationship":       "left out of hipaa/relationship when it reads core/vocab",
	"hipaa/ordinal_suffixes":        "endings of numbers (\"4th\"), not words",
	"hipaa/number_suffixes":         "endings of numbers (\"3pm\", \"20mg\"), not words",
	"hipaa/url_id_keys":             "parts of links, not words",
	"hipaa/post_nouns":              "a few words one date check compares, kept out of the score's facts",
	"canned/placeholder_words":      "matched inside template placeholders",
	"comment/negative_emoji":        "emoji, matched as substrings: they are not words",
	"comment/positive_emoji":        "emoji, matched as substrings: they are not words",
	"comment/weary_emoji":           "emoji, matched as substrings: they are not words",
	"comment/praise_dropped_topics": "comment topic tags, not words",
	"conduct/general_topics":        "comment topic tags, not words",
	"conduct/thing_topics":          "comment topic tags, not words",
	"conduct/place_topics":          "comment topic tags, not words",
	"conduct/place_companions":      "comment topic tags, not words",
	"conduct/sincere_intensifiers":  "function words compared directly, only right before \"sorry\"",
	"conduct/excuse_words":          "function words compared directly, only after an intensified \"sorry\"",
	"manners/foreign_thanks":        "matched as substrings: CJK has no spaces, and stems cover inflections",
	"comment/grievances_c_j_k":      "matched as substrings: CJK has no spaces, Korean glues particles on",
	"routing/worry_asks_c_j_k":      "matched as substrings: CJK has no spaces, Korean glues particles on",
	"conduct/channel_c_j_k":         "matched as substrings: CJK has no spaces, Korean glues particles on",
	"routing/reassurances_c_j_k":    "matched as substrings: CJK has no spaces, Korean glues particles on",
	"routing/defer_c_j_k":           "matched as substrings: CJK has no spaces, Korean glues particles on",
	"manners/foreign_apologies":     "matched as substrings: CJK has no spaces, Korean and Arabic glue particles on",
	"practice/signature_openers":    "matched on a line's first characters, dashes included",
	// Function words compared with a text's words directly: as registered
	// lists they would become scorer facts present in most replies.
	"comment/grateful_words":            "compared with a positive match's first word",
	"comment/never_verbs":               "function words compared directly",
	"comment/turn_words":                "function words compared directly",
	"comment/question_openers":          "function words compared directly",
	"comment/take_words":                "function words compared directly, only beside a duration that a wait word already matched",
	"comment/even_turns":                "function words compared directly, only right after \"even\" in a question whose one complaint word is weak",
	"comment/helpers":                   "function words compared directly",
	"comment/addressees":                "function words compared directly, only in a comment's side sentence beside a question",
	"comment/aimed_feelings":            "feeling words compared directly, only in a comment's side sentence beside a question",
	"comment/use_verbs":                 "compared directly, only right after a person (serviceAsk)",
	"comment/use_subjects":              "function words compared directly, only right before a use verb",
	"comment/wait_words":                "function words compared directly",
	"comment/brief_words":               "function words compared directly",
	"comment/duration_articles":         "function words compared directly",
	"comment/body_measures":             "units compared with the word after a count directly",
	"complaint/fault_subjects":          "function words compared directly",
	"complaint/pain_words":              "words compared directly, only in a comment a reply apologises to",
	"complaint/fault_fillers":           "function words compared directly",
	"complaint/fault_verbs":             "function words compared directly",
	"complaint/fault_conditions":        "function words compared directly",
	"complaint/quote_persons":           "function words compared directly",
	"complaint/irregular_past":          "function words compared directly",
	"complaint/visit_particles":         "function words compared directly",
	"complaint/denial_subjects":         "function words compared directly",
	"complaint/reproach_openers":        "function words compared directly",
	"complaint/reproach_lead_ins":       "function words compared directly",
	"complaint/counterfactual_results":  "function words compared directly",
	"comment/repeat_counts":             "function words compared directly",
	"comment/repeat_units":              "function words compared directly",
	"comment/rate_words":                "function words compared directly, only right after a repeat unit",
	"comment/rate_periods":              "function words compared directly, only after a rate word",
	"comment/shy_feelings":              "words read per word by hash, only in a question, at a negative match",
	"comment/service_question_verbs":    "function words compared directly",
	"comment/service_question_subjects": "function words compared directly",
	"conduct/policy_words":              "function words compared directly, inside a dispute phrase",
	"comment/intensifiers":              "function words compared directly, only after a feeling verb",
	"comment/feeling_verbs":             "function words compared directly, only at the end of a complaint phrase",
	"comment/lifted_feelings":           "words read per word by hash, only after a feeling frame and its degree words",
	"comment/bad_feelings":              "words read per word by hash, only after a negated feeling frame",
	"practice/contact_particles":        "function words compared directly",
	"practice/role_links":               "function words compared directly",
	"practice/role_links_far":           "function words compared directly",
	"hipaa/record_verbs":                "function words compared directly",
	"hipaa/record_check_fillers":        "function words compared directly",
	"hipaa/patient_adverbs":             "function words compared directly",
	"hipaa/people_counts":               "function words compared directly",
	"hipaa/owned_state_fillers":         "function words compared directly",
	"hipaa/intl_patient_be":             "function words compared directly",
	"hipaa/intl_patient_fillers":        "function words compared directly",
	"hipaa/intl_definite_articles":      "function words compared directly",
	"hipaa/referral_verbs":              "plain words compared directly, no scorer fact",
	"hipaa/ask_at_visit_verbs":          "plain words compared directly, only before \"your next\" visit, no scorer fact",
	"hipaa/process_feelings":            "plain words compared directly, only after a modal or 'to' beside an empathy word",
	"hipaa/content_nouns":               "plain words compared directly, no registry slot",
	"hipaa/orderer_verbs":               "plain words compared directly, only after a relative before a possessive",
	"hipaa/orderer_relatives":           "function words compared directly, only two words before a possessive",
	"hipaa/orderer_nouns":               "plain words compared directly, only right before an orderer relative",
	"hipaa/telling_acts":                "plain words compared directly, only at a contact act opening a sentence",
	"hipaa/indefinite_articles":         "function words compared directly, only before a visit word in frame D",
	"hipaa/insurer_names":               "plain words compared directly, only right after the person's possessive",
	"hipaa/already_verbs":               "plain words compared directly, only right after \"you already\"",
	"hipaa/content_prepositions":        "function words compared directly",
	"hipaa/someone_words":               "function words compared directly",
	"hipaa/relative_who":                "function words compared directly",
	"hipaa/need_referents":              "function words compared directly",
	"hipaa/need_verbs":                  "plain words compared directly, no scorer fact",
	"hipaa/standing_days":               "plain words compared directly, no scorer fact",
	"hipaa/relay_tells":                 "function words compared directly",
	"hipaa/contact_counts":              "function words compared directly",
	"hipaa/no_show_policy":              "function words compared directly",
	"hipaa/contact_units":               "function words compared directly",
	"hipaa/order_links":                 "function words compared directly",
	"hipaa/dose_units":                  "function words compared directly",
	"hipaa/counterfactual_subjects":     "function words compared directly",
	"hipaa/counterfactual_had":          "function words compared directly",
	"hipaa/counterfactual_modals":       "function words compared directly",
	"hipaa/counterfactual_have":         "function words compared directly",
	"hipaa/counterfactual_leads":        "function words compared directly",
	"hipaa/compliance_verbs":            "function words compared directly",
	"hipaa/irregular_participles":       "function words compared directly",
	"hipaa/given_anyone":                "function words compared directly",
	"hipaa/given_prepositions":          "function words compared directly",
	"hipaa/relay_states":                "function words compared directly",
	"hipaa/group_counts":                "function words compared directly",
	"hipaa/ranking_words":               "function words compared directly",
	"hipaa/ranker_verbs":                "function words compared directly",
	"hipaa/last_time_links":             "function words compared directly",
	"hipaa/relay_owned_states":          "function words compared directly",
	"hipaa/conduct_measures":            "function words compared directly",
	"hipaa/stand_in_leads":              "function words compared directly",
	"hipaa/stand_in_verbs":              "function words compared directly",
	"hipaa/skip_fillers":                "function words compared directly",
	"hipaa/see_fillers":                 "function words compared directly",
	"hipaa/status_subjects":             "function words compared directly, only right before a status word",
	"hipaa/status_links":                "function words compared directly, only between a pronoun and a status word",
	"hipaa/status_moves":                "compared directly, only at a status word after a pronoun",
	"hipaa/status_states":               "compared directly, only at a status word opening a sentence",
	"hipaa/status_leads":                "function words compared directly, only a few words before a status subject",
	"hipaa/queue_words":                 "plain words compared directly, only a few words after a number written after \"#\"",
	"hipaa/spent_lengths":               "plain words compared directly, only between a spent verb and the person",
	"hipaa/skip_persons":                "plain words compared directly, only right before a skip verb",
	"hipaa/billing_changes":             "plain words compared directly, only in the clause of an owned billing word",
	"hipaa/stay_prepositions":           "function words compared directly",
	"hipaa/stay_fillers":                "function words compared directly",
	"hipaa/intl_recur_units":            "function words compared directly",
	"hipaa/intl_recur_leads":            "function words compared directly",
	"hipaa/intl_recur_fillers":          "function words compared directly",
	"hipaa/stay_be":                     "function words compared directly",
	"hipaa/schedule_holders":            "function words compared directly",
	"hipaa/bare_lists":                  "function words compared directly",
	"hipaa/stay_lengths":                "function words compared directly",
	"hipaa/stay_everyday_rooms":         "function words compared directly",
	"hipaa/fond_persons":                "function words compared directly",
	"hipaa/bore_praise":                 "function words compared directly",
	"hipaa/bore_fillers":                "function words compared directly",
	"hipaa/bore_lengths":                "function words compared directly",
	"hipaa/home_verbs":                  "function words compared directly",
	"hipaa/stay_words":                  "function words compared directly",
	"hipaa/result_units":                "function words compared directly",
	"hipaa/result_outcomes":             "function words compared directly",
	"hipaa/result_checks":               "function words compared directly",
	"hipaa/advice_verdicts":             "function words compared directly, only under a comment asking about the writer's own health",
	"hipaa/advice_causatives":           "function words compared directly, only opening a sentence under such a comment",
	"hipaa/dated_times":                 "function words compared directly, only under such a comment",
	"hipaa/prognosis_prepositions":      "function words compared directly, only before a dated word",
	"hipaa/own_measures":                "plain words compared directly, only ending an owned care term in advice",
	"hipaa/measure_readings":            "function words compared directly",
	"hipaa/measured_moves":              "function words compared directly",
	"hipaa/measured_changes":            "function words compared directly",
	"hipaa/measured_directions":         "function words compared directly",
	"hipaa/result_shows":                "function words compared directly",
	"hipaa/intl_slot_ties":              "function words compared directly",
	"hipaa/slot_particles":              "function words compared directly",
	"hipaa/slot_day_leads":              "function words compared directly",
	"hipaa/slot_day_parts":              "function words compared directly",
	"hipaa/intl_owner_lookalikes":       "function words compared directly",
	"hipaa/multi_care_a_r":              "Arabic stems compared after affixes are taken off (intlmore.go)",
	"hipaa/multi_kin_a_r":               "Arabic stems compared after affixes are taken off",
	"hipaa/multi_you_a_r":               "Arabic words compared directly, only in a sentence with a care noun",
	"hipaa/multi_general_a_r":           "Arabic stems compared after affixes are taken off",
	"hipaa/multi_suffixes_a_r":          "Arabic affixes, taken off words, not searched for",
	"hipaa/multi_prefixes_a_r":          "Arabic affixes, taken off words, not searched for",
	"hipaa/relay_thats":                 "function words compared directly",
	"hipaa/report_openers":              "function words compared directly",
	"hipaa/fond_recall_verbs":           "function words compared directly, only at a fond verb before \"you\"",
	"hipaa/recall_leads":                "function words compared directly, only right after a recall verb",
	"hipaa/room_links":                  "function words compared directly, only right before a numbered room or bed",
	"hipaa/dismissal_aux":               "function words compared directly, only before a dismissal's \"been\"",
	"hipaa/dismissal_places":            "words compared directly, only after a dismissal verb and \"from\"",
	"hipaa/dismissal_relatives":         "function words compared directly, only before a dismissal's \"been\"",
	"hipaa/routine_verbs":               "compared directly, only before how often a visit recurs: as vocabulary they would be scorer facts",
	"hipaa/routine_be":                  "function words compared directly, only before a routine place",
	"hipaa/routine_places":              "function words compared directly, only right after a routine \"be\"",
	"hipaa/routine_units":               "function words compared directly, only after \"every\" or a count",
	"hipaa/routine_fillers":             "function words compared directly, only between \"every\" and a unit",
	"hipaa/routine_times":               "function words compared directly, only right after a number",
	"hipaa/routine_rates":               "function words compared directly, only between a count and a unit",
	"hipaa/time_range_links":            "function words compared directly, only between two times or days",
	"hipaa/judged_visits":               "compared directly, only right after a possessive or an article in a sentence of sympathy",
	"hipaa/line_means":                  "function words compared directly, only right before a verb of reaching someone and a number",
	"hipaa/intl_regrets":                "compared directly, only before a possessive and a visit word in the same sentence",
	"hipaa/first_name_titles":           "titles compared directly, only before a capitalised first name",
	"hipaa/thanks_words":                "words compared directly, only in the sentence of a title before a first name",
	"hipaa/contact_times":               "words compared directly, only after an invitation to make contact in the sentence",
	"hipaa/price_nouns":                 "nouns compared directly, only right after a care word or before a price link",
	"hipaa/price_links":                 "function words compared directly, only between a price noun and a care word",
	"hipaa/visit_judgements":            "compared directly, only a few words after a judged visit word",
	"hipaa/handoff_topics":              "compared directly, only after a possessive in a sentence inviting contact",
	"hipaa/credential_words":            "compared directly, only beside a care word in its clause",
	"hipaa/withheld_verbs":              "function words compared directly, only a few words before a care word, after a negator",
	"hipaa/intl_relatives":              "function words compared directly",
	"hipaa/audience_reads":              "function words compared directly",
	"hipaa/knower_nouns":                "clinician nouns compared directly, only before a know verb",
	"hipaa/knower_articles":             "function words compared directly, only before a knower noun",
	"hipaa/tip_words":                   "nouns compared directly, only in a post with no comment",
	"hipaa/notice_words":                "nouns compared directly, only among the first words of a reply's opening sentence",
	"hipaa/outage_nouns":                "nouns compared directly, only in the sentence of a time a date frame found or the one before it",
	"hipaa/asked_state_openers":         "function words compared directly, only right before the person's pronoun in a history frame or before a care word",
	"hipaa/mock_openers":                "function words compared directly",
	"hipaa/renewal_words":               "function words compared directly",
	"hipaa/care_acts_done":              "function words compared directly",
	"hipaa/visit_in_verbs":              "function words compared directly",
	"hipaa/tenure_links":                "function words compared directly",
	"hipaa/due_after":                   "function words compared directly",
	"hipaa/due_fillers":                 "function words compared directly",
	"hipaa/fond_fillers":                "function words compared directly",
	"hipaa/received_verbs":              "function words compared directly",
	"hipaa/family_groups":               "function words compared directly",
	"hipaa/kin_visits":                  "compared directly, only right after the reader's relative",
	"hipaa/family_enterprises":          "function words compared directly",
	"hipaa/intl_result_outcomes":        "function words compared directly, only after a result verb",
	"hipaa/intl_result_owners":          "function words compared directly, only before a result verb",
	"hipaa/pointed_counts":              "function words compared directly, only before a count",
	"hipaa/intl_bring_verbs":            "function words compared directly, only before care owned with \"de\"",
	"hipaa/bring_verbs":                 "function words compared directly, only right before a possessive",
	"hipaa/place_heads":                 "compared directly, only after a capitalised first name: a word's bit set has no room for another list",
	"practice/self_introductions":       "function words compared directly",
	"canned/menu_links":                 "function words compared directly",
	"canned/thanks_openers":             "function words compared directly",
	"routing/softeners":                 "function words compared directly",
	"routing/verdict_copulas":           "function words compared directly",
	"routing/verdict_modifiers":         "function words compared directly",
	"routing/verdict_nouns":             "function words compared directly",
	"routing/verdicts":                  "function words compared directly",
	"routing/articles":                  "function words compared directly",
	"complaint/published_words":         "function words compared directly",
	"complaint/falsity_words":           "function words compared directly",
	"canned/redirect_words":             "function words compared directly",
	"manners/sarcasm_emoji":             "emoji, matched as substrings: they are not words",
	"complaint/sneer_emoji":             "emoji, matched as substrings: they are not words",
	"manners/thanks_emoji":              "emoji, matched as substrings: they are not words",
	"manners/obligation_words":          "function words compared directly",
	"manners/laughs":                    "function words compared directly",
	"conduct/fix_verbs":                 "function words compared directly",
	"conduct/fix_subjects":              "function words compared directly",
	"conduct/contrasts":                 "function words compared directly",
	"conduct/rebutted_persons":          "function words compared directly",
	"conduct/phone_nouns":               "function words compared directly, only before a phone number",
	"conduct/future_anchors":            "function words compared directly, in a sentence about no one in particular",
	"conduct/calendar_words":            "function words compared directly, only beside a change word",
	"conduct/change_words":              "function words compared directly, only beside a calendar word",
	"conduct/next_words":                "function words compared directly, only before a calendar word",
	"conduct/offer_fillers":             "function words compared directly, only after \"if you'd\"",
	"conduct/possession_articles":       "function words compared directly, only after \"if you had\"",
	"conduct/owned_adverbs":             "function words compared directly, only on a dispute match",
	"conduct/owning_subjects":           "function words compared directly, only right before \"clearly\" on a dispute match",
	"conduct/failure_words":             "words compared directly, only within three words after \"clearly\" on a dispute match",
	"conduct/owned_denial_cues":         "function words compared directly, only around a \"didn't happen\" dispute match",
	"conduct/received_verbs":            "words compared directly, only right after a blame phrase",
	"conduct/elsewhere_nouns":           "words compared directly, only after \"your\" right after a channel phrase",
	"conduct/place_words":               "words compared directly, only in a reply to a parking complaint or to no comment that apologises with no channel",
	"conduct/feeling_words":             "function words compared directly, only after an owned adverb",
	"conduct/until_objects":             "function words compared directly, only after \"until\"",
	"conduct/change_persons":            "function words compared directly, only in a dated sentence",
	"conduct/offer_words":               "function words compared directly",
	"manners/practice_praise":           "function words compared directly",
	"conduct/care_owners":               "function words compared directly, only before a care word",
	"conduct/booking_verbs":             "function words compared directly",
	"canned/channel_nouns":              "function words compared directly, only before \"not monitored\"",
	"canned/unwatched_words":            "function words compared directly, only after a negation",
	"canned/booking_words":              "function words compared directly, so no scorer fact of their own",
	"canned/care_owners":                "function words compared directly, only before a care word",
	"manners/denials":                   "function words compared directly, only before a rude phrase",
	"manners/denied_fillers":            "function words compared directly, only after a denial",
	"manners/watch_verbs":               "function words compared directly, only before a rude phrase",
	"routing/guarded_imperatives":       "function words compared directly, only opening a sentence",
	"routing/guard_words":               "function words compared directly, only after a guarded imperative",
	"routing/dose_units":                "function words compared directly, only after a number or as its tail",
	"routing/dose_shifts":               "function words compared directly, only before a link and a number",
	"comment/possessives":               "function words compared directly, only to keep a question the writer's own",
	"comment/general_turns":             "function words compared directly, only after a general-question disclaimer",
	"comment/loss_verbs":                "function words read per word by hash, only on a negative match's first word",
	"comment/mourner_possessives":       "function words read per word by hash, only right after a loss verb",
	"comment/life_losses":               "function words read per word by hash, only after a loss verb and a possessive",
	"comment/others_words":              "function words compared directly, only right after a negative match",
	"comment/sole_words":                "function words read per word by hash, only after a sole article",
	"comment/sole_articles":             "function words compared directly, only right before a sole word",
	"comment/sole_clauses":              "function words compared directly, only a few words after a sole word",
	"routing/hand_off_verbs":            "function words compared directly, only before a clinician in one sentence",
	"routing/dose_links":                "function words compared directly, only between a dose shift and a number",
	"routing/dose_owners":               "function words compared directly, only a few words before a dose",
	"routing/dose_takes":                "function words compared directly, only just before a dose's owner",
	"comment/reproach_asks":             "function words read per word by hash, only in a comment with doubled question marks or opening the sentence that asks",
	"routing/hedges":                    "function words read per word by hash, only a few words before a condition",
	"routing/modal_hedges":              "function words read per word by hash, only before \"be\" a few words before a condition",
	"routing/calm_words":                "function words compared directly, only as the last word of an advice match",
	"routing/initialisms":               "function words read per word by hash, only on a clinician title matched",
	"manners/person_words":              "function words compared directly",
	"manners/opinion_verbs":             "function words compared directly, only after a person word",
	"manners/opinion_holders":           "function words compared directly",
	"manners/share_words":               "function words compared directly",
	"manners/affirmations":              "function words compared directly",
	"manners/returned_praise":           "compared directly, only beside a person word",
	"hostility/order_verbs":             "function words compared directly, only after a negator opening a sentence",
	"manners/disparaging_words":         "compared directly, only where not negated, quoted or the practice's stance: as vocabulary they would be scorer facts",
	"manners/ironic_tails":              "function words compared directly, only just after thanks, ending its sentence",
	"manners/stop_verbs":                "function words compared directly, only opening an order",
	"manners/speech_gerunds":            "compared directly, only right after a stop verb",
	"manners/order_softeners":           "function words compared directly, only before a stop verb",
	"manners/rival_marks":               "function words compared directly, only before a rival place",
	"manners/rival_places":              "compared directly, only a few words after a rival mark: as vocabulary they would be scorer facts",
	"manners/own_words":                 "function words compared directly, only between a rival mark and a rival place",
	"manners/obvious_adverbs":           "compared directly, only in a sentence with a told word: as vocabulary they would be scorer facts",
	"manners/told_words":                "compared directly, only in the sentence of an obvious adverb",
	"manners/contact_verbs":             "compared directly, only opening a sentence, in a short reply with a refusal",
	"manners/raised_words":              "compared directly, only right after thanks and \"for\"",
	"manners/clause_openers":            "function words compared directly, only where a rude phrase matched",
	"canned/act_nouns":                  "function words compared directly, only after an act owner",
	"canned/act_owners":                 "function words compared directly, only before an act noun",
	"canned/clientele_nouns":            "compared directly, only where a reply is judged for lines written for every patient",
	"canned/clientele_wholes":           "function words compared directly, only a few words before a clientele noun",
	"canned/clientele_verbs":            "compared directly, only in the sentence of a clientele noun",
	"canned/personal_agents":            "function words compared directly, only right before a stock promise",
	"complaint/order_verbs":             "function words compared directly, only opening a sentence of a few words",
	"complaint/order_breaks":            "function words compared directly, only right after an order verb",
	"conduct/identity_words":            "function words compared directly, only right before a hand-off phrase",
	"conduct/owed_participles":          "function words compared directly, only after a blame phrase and \"been\"",
	"conduct/laughs":                    "words compared directly and emoji as substrings, only in a reply that quotes the comment back in scare quotes",
	"conduct/comment_laughs":            "words compared directly and emoji as substrings, only in a comment whose calm reply offers no channel",
	"conduct/money_topics":              "comment topic tags, not words",
	"comment/visit_words":               "words read per word by hash, only in a complaint that names nothing of the writer's own",
	"conduct/taunt_verbs":               "function words compared directly, only opening a sentence or clause",
	"conduct/taunt_fillers":             "function words compared directly, only right after a taunt verb",
	"conduct/retort_openers":            "function words compared directly, only opening a question sentence in a reply past the rule's comment gate",
	"conduct/retort_lead_ins":           "function words compared directly, only before a retort opener at the start of a question sentence",
	"complaint/glad_words":              "function words compared directly, only right before a fault subject or blame phrase",
	"complaint/glad_links":              "function words compared directly, only between a glad word and a fault subject",
	"wn/roots":                          "WordNet generator input (root synsets); linted by the generator",
	"wn/stop":                           "WordNet generator input (lemmas left out); linted by the generator",
	"wn/keep":                           "WordNet generator input (lemmas kept); linted by the generator",
	"wn/extra":                          "WordNet generator input (terms WordNet lacks); linted by the generator",
	"wn/general":                        "WordNet generator input (words of one meaning used of anyone); linted by the generator",
}

// TestVocabularyLint: every lists/*.txt under core is registered vocabulary
// (or data with a stated reason), no entry is listed twice, and no entry sits
// in two lists searched together, where the earlier list would always win.
func TestVocabularyLint(t *testing.T) {
	var files []string
	filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Base(filepath.Dir(path)) == "lists" && strings.HasSuffix(path, ".txt") {
			files = append(files, path)
		}
		return err
	})
	if len(files) < 20 {
		t.Fatalf("found only %d list files", len(files))
	}
	for _, f := range files {
		name := filepath.Base(filepath.Dir(filepath.Dir(f))) + "/" + strings.TrimSuffix(filepath.Base(f), ".txt")
		// class_*.txt are closed-class words a rule reads through its own
		// table (rules/hipaa/classes.go), tested there.
		class := strings.HasPrefix(filepath.Base(f), "class_")
		if _, ok := lex.Lookup(name); !ok && dataOnly[name] == "" && !class {
			t.Errorf("%s: no rule reads it (no list %q is registered)", f, name)
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, e := range lexgen.Entries(string(data)) {
			e = strings.ToLower(e)
			if seen[e] {
				t.Errorf("%s: %q is listed twice", f, e)
			}
			seen[e] = true
		}
	}
	// A phrase in both the hipaa relationship list and core/vocab's is
	// listed twice (the relationship list reads both).
	vocabRel := map[string]bool{}
	for _, e := range vocab.List("relationship_phrases") {
		vocabRel[e] = true
	}
	if l, ok := lex.Lookup("hipaa/relationship"); ok {
		data, _ := os.ReadFile(filepath.Join("rules", "hipaa", "lists", "relationship_phrases.txt"))
		for _, e := range lexgen.Entries(string(data)) {
			if vocabRel[strings.ToLower(e)] {
				t.Errorf("%s: %q is in core/vocab/relationship_phrases.txt too", l.Name, e)
			}
		}
	}
	// care.All is left out: its classes come from core/vocab, which the
	// WordNet-generated vocabulary replaces.
	for _, g := range []*lex.Group{stock.Phrases, conduct.Phrases, comment.PositiveGroup} {
		owner := map[string]string{}
		for _, l := range g.Lists() {
			for _, e := range l.Entries() {
				if o, ok := owner[e]; ok && o != l.Name {
					t.Errorf("%q in %s is shadowed by %s", e, l.Name, o)
				}
				owner[e] = l.Name
			}
		}
	}
}
