package core_test

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/replyguard/replyguard/core"
	"github.com/replyguard/replyguard/core/ruletest/archive"
	"github.com/replyguard/replyguard/internal/corpus"
)

// The labelled corpus (testdata/corpus) scores the engine the way the
// product is judged (internal/corpus: a reply counts as flagged for a
// category when it has a finding of that category at warning or error).

var showMisses = flag.Bool("misses", false, "print every corpus disagreement")

// corpusFloors fail the build when detection quality regresses. They sit a
// little under the measured scores (see the README for current figures;
// the learned scorer at "normal" trades some phi precision for recall).
var corpusFloors = map[string]map[core.Category][2]float64{ // {precision, recall}
	// Every set trains the learned scorer, so these figures are in-sample
	// and move a little with each retrain: each floor sits 0.03 under the
	// score measured when the scorer was last trained (replyguard-eval).
	// Unseen quality is measured by cross-validation and ../blind/.
	"blind-check": {
		core.PHI: {0.95, 0.90}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.89, 0.89}, core.Conduct: {0.97, 0.97}, core.Routing: {0.88, 0.97},
	},
	"blind-tune": {
		core.PHI: {0.95, 0.95}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.92, 0.80}, core.Conduct: {0.92, 0.97}, core.Routing: {0.82, 0.89},
	},
	"blind10": {
		core.PHI: {0.91, 0.89}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.93, 0.93}, core.Conduct: {0.91, 0.93}, core.Routing: {0.92, 0.97},
	},
	"blind11": {
		core.PHI: {0.90, 0.93}, core.Canned: {0.92, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.97, 0.73}, core.Conduct: {0.89, 0.87}, core.Routing: {0.92, 0.97},
	},
	"blind12": {
		core.PHI: {0.90, 0.90}, core.Canned: {0.81, 0.93}, core.Length: {0.97, 0.97},
		core.Manners: {0.84, 0.90}, core.Conduct: {0.89, 0.89}, core.Routing: {0.82, 0.86},
	},
	"blind13": {
		core.PHI: {0.79, 0.90}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.81, 0.85}, core.Conduct: {0.89, 0.94}, core.Routing: {0.92, 0.97},
	},
	"blind14": {
		core.PHI: {0.90, 0.94}, core.Canned: {0.93, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.92, 0.92}, core.Conduct: {0.88, 0.91}, core.Routing: {0.92, 0.92},
	},
	"blind15": {
		core.PHI: {0.84, 0.91}, core.Canned: {0.92, 0.92}, core.Length: {0.97, 0.97},
		core.Manners: {0.93, 0.87}, core.Conduct: {0.91, 0.89}, core.Routing: {0.85, 0.85},
	},
	"blind16": {
		core.PHI: {0.79, 0.88}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.87, 0.76}, core.Conduct: {0.82, 0.93}, core.Routing: {0.82, 0.82},
	},
	"blind17": {
		core.PHI: {0.85, 0.94}, core.Canned: {0.97, 0.92}, core.Length: {0.97, 0.97},
		core.Manners: {0.97, 0.78}, core.Conduct: {0.87, 0.93}, core.Routing: {0.97, 0.75},
	},
	"blind18": {
		core.PHI: {0.90, 0.83}, core.Canned: {0.92, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.90, 0.94}, core.Conduct: {0.85, 0.90}, core.Routing: {0.91, 0.87},
	},
	"blind19": {
		core.PHI: {0.88, 0.91}, core.Canned: {0.92, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.91, 0.83}, core.Conduct: {0.92, 0.92}, core.Routing: {0.86, 0.74},
	},
	"blind2-check": {
		core.PHI: {0.97, 0.84}, core.Canned: {0.78, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.83, 0.97}, core.Conduct: {0.75, 0.88}, core.Routing: {0.97, 0.97},
	},
	"blind2-tune": {
		core.PHI: {0.95, 0.94}, core.Canned: {0.87, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.72, 0.89}, core.Conduct: {0.91, 0.91}, core.Routing: {0.85, 0.97},
	},
	"blind20": {
		core.PHI: {0.91, 0.86}, core.Canned: {0.92, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.89, 0.76}, core.Conduct: {0.87, 0.94}, core.Routing: {0.97, 0.97},
	},
	"blind21": {
		core.PHI: {0.93, 0.78}, core.Canned: {0.91, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.94, 0.88}, core.Conduct: {0.88, 0.94}, core.Routing: {0.97, 0.73},
	},
	"blind22": {
		core.PHI: {0.83, 0.86}, core.Canned: {0.97, 0.92}, core.Length: {0.97, 0.97},
		core.Manners: {0.91, 0.87}, core.Conduct: {0.89, 0.89}, core.Routing: {0.84, 0.84},
	},
	"blind23": {
		core.PHI: {0.87, 0.92}, core.Canned: {0.90, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.93, 0.70}, core.Conduct: {0.88, 0.83}, core.Routing: {0.87, 0.97},
	},
	"blind24": {
		core.PHI: {0.93, 0.79}, core.Canned: {0.92, 0.92}, core.Length: {0.97, 0.97},
		core.Manners: {0.92, 0.78}, core.Conduct: {0.92, 0.92}, core.Routing: {0.87, 0.77},
	},
	"blind25": {
		core.PHI: {0.88, 0.88}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.90, 0.71}, core.Conduct: {0.85, 0.94}, core.Routing: {0.91, 0.69},
	},
	"blind26": {
		core.PHI: {0.84, 0.92}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.84, 0.84}, core.Conduct: {0.85, 0.85}, core.Routing: {0.92, 0.84},
	},
	"blind27": {
		core.PHI: {0.87, 0.94}, core.Canned: {0.97, 0.84}, core.Length: {0.97, 0.97},
		core.Manners: {0.91, 0.75}, core.Conduct: {0.84, 0.90}, core.Routing: {0.97, 0.69},
	},
	"blind28": {
		core.PHI: {0.84, 0.89}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.91, 0.82}, core.Conduct: {0.90, 0.94}, core.Routing: {0.84, 0.84},
	},
	"blind29": {
		core.PHI: {0.79, 0.87}, core.Canned: {0.90, 0.97}, core.Length: {0.93, 0.97},
		core.Manners: {0.94, 0.86}, core.Conduct: {0.76, 0.89}, core.Routing: {0.75, 0.80},
	},
	"blind3": {
		core.PHI: {0.95, 0.93}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.97, 0.80}, core.Conduct: {0.94, 0.92}, core.Routing: {0.97, 0.97},
	},
	"blind30": {
		core.PHI: {0.87, 0.91}, core.Canned: {0.88, 0.84}, core.Length: {0.97, 0.97},
		core.Manners: {0.97, 0.91}, core.Conduct: {0.91, 0.89}, core.Routing: {0.87, 0.84},
	},
	"blind31": {
		core.PHI: {0.90, 0.87}, core.Canned: {0.87, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.69, 0.93}, core.Conduct: {0.76, 0.88}, core.Routing: {0.92, 0.77},
	},
	"blind32": {
		core.PHI: {0.79, 0.92}, core.Canned: {0.97, 0.91}, core.Length: {0.97, 0.97},
		core.Manners: {0.78, 0.86}, core.Conduct: {0.82, 0.94}, core.Routing: {0.88, 0.97},
	},
	"blind33": {
		core.PHI: {0.75, 0.86}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.79, 0.94}, core.Conduct: {0.82, 0.91}, core.Routing: {0.84, 0.80},
	},
	"blind34": {
		core.PHI: {0.84, 0.84}, core.Canned: {0.82, 0.89}, core.Length: {0.97, 0.97},
		core.Manners: {0.91, 0.94}, core.Conduct: {0.84, 0.86}, core.Routing: {0.78, 0.78},
	},
	"blind35": {
		core.PHI: {0.89, 0.81}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.72, 0.90}, core.Conduct: {0.81, 0.89}, core.Routing: {0.97, 0.63},
	},
	"blind36": {
		core.PHI: {0.89, 0.84}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.82, 0.90}, core.Conduct: {0.85, 0.83}, core.Routing: {0.81, 0.66},
	},
	"blind37": {
		core.PHI: {0.91, 0.90}, core.Canned: {0.80, 0.90}, core.Length: {0.97, 0.97},
		core.Manners: {0.86, 0.65}, core.Conduct: {0.84, 0.84}, core.Routing: {0.90, 0.57},
	},
	"blind38": {
		core.PHI: {0.94, 0.89}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.86, 0.88}, core.Conduct: {0.85, 0.97}, core.Routing: {0.89, 0.92},
	},
	"blind39": {
		core.PHI: {0.89, 0.84}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.73, 0.73}, core.Conduct: {0.78, 0.83}, core.Routing: {0.84, 0.97},
	},
	"blind4": {
		core.PHI: {0.94, 0.91}, core.Canned: {0.91, 0.91}, core.Length: {0.91, 0.97},
		core.Manners: {0.94, 0.94}, core.Conduct: {0.93, 0.91}, core.Routing: {0.89, 0.78},
	},
	"blind40": {
		core.PHI: {0.88, 0.94}, core.Canned: {0.91, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.94, 0.88}, core.Conduct: {0.88, 0.88}, core.Routing: {0.88, 0.92},
	},
	"blind41": {
		core.PHI: {0.79, 0.87}, core.Canned: {0.91, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.79, 0.97}, core.Conduct: {0.78, 0.94}, core.Routing: {0.78, 0.70},
	},
	"blind42": {
		core.PHI: {0.88, 0.89}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.75, 0.83}, core.Conduct: {0.85, 0.88}, core.Routing: {0.87, 0.87},
	},
	"blind43": {
		core.PHI: {0.84, 0.87}, core.Canned: {0.97, 0.89}, core.Length: {0.97, 0.97},
		core.Manners: {0.69, 0.79}, core.Conduct: {0.80, 0.91}, core.Routing: {0.85, 0.77},
	},
	"blind44": {
		core.PHI: {0.86, 0.93}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.51, 0.87}, core.Conduct: {0.83, 0.90}, core.Routing: {0.86, 0.82},
	},
	"blind45": {
		core.PHI: {0.87, 0.87}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.84, 0.85}, core.Conduct: {0.75, 0.88}, core.Routing: {0.69, 0.63},
	},
	"blind46": {
		core.PHI: {0.83, 0.88}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.81, 0.87}, core.Conduct: {0.88, 0.94}, core.Routing: {0.91, 0.75},
	},
	"blind47": {
		core.PHI: {0.78, 0.85}, core.Canned: {0.97, 0.88}, core.Length: {0.97, 0.97},
		core.Manners: {0.91, 0.91}, core.Conduct: {0.85, 0.89}, core.Routing: {0.84, 0.88},
	},
	"blind48": {
		core.PHI: {0.76, 0.89}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.75, 0.90}, core.Conduct: {0.84, 0.94}, core.Routing: {0.82, 0.70},
	},
	"blind49": {
		core.PHI: {0.87, 0.84}, core.Canned: {0.97, 0.97}, core.Length: {0.92, 0.97},
		core.Manners: {0.84, 0.77}, core.Conduct: {0.91, 0.91}, core.Routing: {0.87, 0.87},
	},
	"blind5": {
		core.PHI: {0.93, 0.93}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.85, 0.87}, core.Conduct: {0.94, 0.94}, core.Routing: {0.77, 0.82},
	},
	"blind50": {
		core.PHI: {0.81, 0.91}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.64, 0.84}, core.Conduct: {0.68, 0.97}, core.Routing: {0.86, 0.78},
	},
	"blind51": {
		core.PHI: {0.85, 0.89}, core.Canned: {0.89, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.72, 0.84}, core.Conduct: {0.74, 0.93}, core.Routing: {0.87, 0.73},
	},
	"blind52": {
		core.PHI: {0.91, 0.88}, core.Canned: {0.70, 0.81}, core.Length: {0.97, 0.97},
		core.Manners: {0.60, 0.80}, core.Conduct: {0.71, 0.82}, core.Routing: {0.91, 0.78},
	},
	"blind53": {
		core.PHI: {0.81, 0.97}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.77, 0.77}, core.Conduct: {0.77, 0.94}, core.Routing: {0.82, 0.87},
	},
	"blind54": {
		core.PHI: {0.89, 0.86}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.93, 0.83}, core.Conduct: {0.86, 0.88}, core.Routing: {0.84, 0.84},
	},
	"blind55": {
		core.PHI: {0.81, 0.81}, core.Canned: {0.87, 0.87}, core.Length: {0.92, 0.97},
		core.Manners: {0.85, 0.90}, core.Conduct: {0.86, 0.91}, core.Routing: {0.92, 0.92},
	},
	"blind56": {
		core.PHI: {0.79, 0.85}, core.Canned: {0.97, 0.81}, core.Length: {0.97, 0.97},
		core.Manners: {0.83, 0.91}, core.Conduct: {0.83, 0.89}, core.Routing: {0.73, 0.87},
	},
	"blind57": {
		core.PHI: {0.93, 0.84}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.79, 0.79}, core.Conduct: {0.81, 0.83}, core.Routing: {0.79, 0.79},
	},
	"blind58": {
		core.PHI: {0.92, 0.88}, core.Canned: {0.89, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.84, 0.84}, core.Conduct: {0.88, 0.88}, core.Routing: {0.83, 0.92},
	},
	"blind59": {
		core.PHI: {0.80, 0.91}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.90, 0.78}, core.Conduct: {0.82, 0.90}, core.Routing: {0.81, 0.73},
	},
	"blind6": {
		core.PHI: {0.93, 0.89}, core.Canned: {0.97, 0.93}, core.Length: {0.97, 0.97},
		core.Manners: {0.97, 0.87}, core.Conduct: {0.92, 0.92}, core.Routing: {0.97, 0.97},
	},
	"blind60": {
		core.PHI: {0.87, 0.78}, core.Canned: {0.89, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.72, 0.85}, core.Conduct: {0.72, 0.85}, core.Routing: {0.84, 0.92},
	},
	"blind61": {
		core.PHI: {0.89, 0.87}, core.Canned: {0.90, 0.84}, core.Length: {0.97, 0.97},
		core.Manners: {0.86, 0.77}, core.Conduct: {0.80, 0.97}, core.Routing: {0.85, 0.81},
	},
	"blind62": {
		core.PHI: {0.84, 0.85}, core.Canned: {0.89, 0.89}, core.Length: {0.97, 0.97},
		core.Manners: {0.74, 0.80}, core.Conduct: {0.73, 0.82}, core.Routing: {0.92, 0.97},
	},
	"blind63": {
		core.PHI: {0.85, 0.89}, core.Canned: {0.97, 0.87}, core.Length: {0.97, 0.97},
		core.Manners: {0.94, 0.86}, core.Conduct: {0.89, 0.92}, core.Routing: {0.79, 0.92},
	},
	"blind64": {
		core.PHI: {0.83, 0.84}, core.Canned: {0.77, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.45, 0.87}, core.Conduct: {0.83, 0.88}, core.Routing: {0.85, 0.75},
	},
	"blind7": {
		core.PHI: {0.90, 0.94}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.97, 0.82}, core.Conduct: {0.94, 0.94}, core.Routing: {0.97, 0.97},
	},
	"blind8": {
		core.PHI: {0.91, 0.93}, core.Canned: {0.97, 0.97}, core.Length: {0.93, 0.97},
		core.Manners: {0.75, 0.94}, core.Conduct: {0.97, 0.95}, core.Routing: {0.97, 0.28},
	},
	"blind9": {
		core.PHI: {0.92, 0.90}, core.Canned: {0.97, 0.88}, core.Length: {0.97, 0.97},
		core.Manners: {0.97, 0.93}, core.Conduct: {0.97, 0.91}, core.Routing: {0.82, 0.91},
	},
	"dev": {
		core.PHI: {0.94, 0.96}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.87, 0.97}, core.Conduct: {0.94, 0.97}, core.Routing: {0.83, 0.93},
	},
	"holdout": {
		core.PHI: {0.93, 0.97}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.85, 0.97}, core.Conduct: {0.90, 0.97}, core.Routing: {0.87, 0.97},
	},
	"train-a": {
		core.PHI: {0.93, 0.92}, core.Canned: {0.97, 0.92}, core.Length: {0.97, 0.97},
		core.Manners: {0.89, 0.94}, core.Conduct: {0.91, 0.92}, core.Routing: {0.73, 0.95},
	},
	"train-aa": {
		core.PHI: {0.90, 0.93}, core.Canned: {0.92, 0.92}, core.Length: {0.97, 0.97},
		core.Manners: {0.87, 0.82}, core.Conduct: {0.88, 0.88}, core.Routing: {0.82, 0.91},
	},
	"train-ab": {
		core.PHI: {0.62, 0.88}, core.Canned: {0.85, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.88, 0.88}, core.Conduct: {0.86, 0.89}, core.Routing: {0.85, 0.97},
	},
	"train-ac": {
		core.PHI: {0.87, 0.86}, core.Canned: {0.94, 0.81}, core.Length: {0.97, 0.97},
		core.Manners: {0.89, 0.85}, core.Conduct: {0.90, 0.93}, core.Routing: {0.97, 0.75},
	},
	"train-ad": {
		core.PHI: {0.79, 0.89}, core.Canned: {0.75, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.95, 0.81}, core.Conduct: {0.97, 0.81}, core.Routing: {0.97, 0.63},
	},
	"train-ae": {
		core.PHI: {0.90, 0.95}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.97, 0.80}, core.Conduct: {0.92, 0.84}, core.Routing: {0.81, 0.92},
	},
	"train-af": {
		core.PHI: {0.85, 0.79}, core.Canned: {0.97, 0.88}, core.Length: {0.97, 0.97},
		core.Manners: {0.92, 0.74}, core.Conduct: {0.85, 0.87}, core.Routing: {0.90, 0.74},
	},
	"train-ag": {
		core.PHI: {0.90, 0.88}, core.Canned: {0.93, 0.90}, core.Length: {0.97, 0.97},
		core.Manners: {0.97, 0.85}, core.Conduct: {0.93, 0.89}, core.Routing: {0.90, 0.85},
	},
	"train-ah": {
		core.PHI: {0.83, 0.91}, core.Canned: {0.91, 0.86}, core.Length: {0.97, 0.97},
		core.Manners: {0.97, 0.78}, core.Conduct: {0.97, 0.88}, core.Routing: {0.87, 0.97},
	},
	"train-ai": {
		core.PHI: {0.89, 0.93}, core.Canned: {0.84, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.93, 0.84}, core.Conduct: {0.89, 0.97}, core.Routing: {0.91, 0.91},
	},
	"train-aj": {
		core.PHI: {0.92, 0.92}, core.Canned: {0.92, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.97, 0.83}, core.Conduct: {0.94, 0.90}, core.Routing: {0.97, 0.78},
	},
	"train-ak": {
		core.PHI: {0.82, 0.97}, core.Canned: {0.97, 0.90}, core.Length: {0.97, 0.97},
		core.Manners: {0.97, 0.68}, core.Conduct: {0.97, 0.93}, core.Routing: {0.88, 0.85},
	},
	"train-al": {
		core.PHI: {0.89, 0.94}, core.Canned: {0.97, 0.89}, core.Length: {0.97, 0.97},
		core.Manners: {0.81, 0.81}, core.Conduct: {0.84, 0.87}, core.Routing: {0.91, 0.97},
	},
	"train-am": {
		core.PHI: {0.91, 0.89}, core.Canned: {0.92, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.97, 0.93}, core.Conduct: {0.90, 0.93}, core.Routing: {0.82, 0.67},
	},
	"train-an": {
		core.PHI: {0.92, 0.91}, core.Canned: {0.97, 0.90}, core.Length: {0.97, 0.97},
		core.Manners: {0.93, 0.90}, core.Conduct: {0.88, 0.90}, core.Routing: {0.97, 0.78},
	},
	"train-ao": {
		core.PHI: {0.85, 0.94}, core.Canned: {0.90, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.60, 0.89}, core.Conduct: {0.90, 0.85}, core.Routing: {0.74, 0.90},
	},
	"train-ap": {
		core.PHI: {0.90, 0.91}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.92, 0.89}, core.Conduct: {0.84, 0.94}, core.Routing: {0.89, 0.82},
	},
	"train-aq": {
		core.PHI: {0.75, 0.84}, core.Canned: {0.97, 0.73}, core.Length: {0.97, 0.97},
		core.Manners: {0.66, 0.83}, core.Conduct: {0.86, 0.73}, core.Routing: {0.97, 0.75},
	},
	"train-ar": {
		core.PHI: {0.90, 0.90}, core.Canned: {0.97, 0.82}, core.Length: {0.97, 0.97},
		core.Manners: {0.71, 0.90}, core.Conduct: {0.90, 0.87}, core.Routing: {0.91, 0.70},
	},
	"train-as": {
		core.PHI: {0.79, 0.91}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.74, 0.94}, core.Conduct: {0.77, 0.97}, core.Routing: {0.87, 0.76},
	},
	"train-at": {
		core.PHI: {0.89, 0.92}, core.Canned: {0.92, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.84, 0.72}, core.Conduct: {0.80, 0.88}, core.Routing: {0.97, 0.97},
	},
	"train-au": {
		core.PHI: {0.94, 0.79}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.88, 0.93}, core.Conduct: {0.86, 0.94}, core.Routing: {0.88, 0.75},
	},
	"train-av": {
		core.PHI: {0.83, 0.89}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.88, 0.82}, core.Conduct: {0.88, 0.87}, core.Routing: {0.83, 0.83},
	},
	"train-aw": {
		core.PHI: {0.83, 0.70}, core.Canned: {0.97, 0.91}, core.Length: {0.97, 0.97},
		core.Manners: {0.78, 0.79}, core.Conduct: {0.94, 0.77}, core.Routing: {0.90, 0.85},
	},
	"train-ax": {
		core.PHI: {0.92, 0.92}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.81, 0.84}, core.Conduct: {0.78, 0.97}, core.Routing: {0.88, 0.93},
	},
	"train-ay": {
		core.PHI: {0.94, 0.77}, core.Canned: {0.97, 0.85}, core.Length: {0.97, 0.97},
		core.Manners: {0.73, 0.82}, core.Conduct: {0.83, 0.81}, core.Routing: {0.73, 0.59},
	},
	"train-az": {
		core.PHI: {0.82, 0.69}, core.Canned: {0.97, 0.91}, core.Length: {0.97, 0.97},
		core.Manners: {0.80, 0.85}, core.Conduct: {0.88, 0.84}, core.Routing: {0.89, 0.83},
	},
	"train-b": {
		core.PHI: {0.89, 0.93}, core.Canned: {0.97, 0.92}, core.Length: {0.97, 0.97},
		core.Manners: {0.91, 0.93}, core.Conduct: {0.93, 0.97}, core.Routing: {0.94, 0.91},
	},
	"train-ba": {
		core.PHI: {0.84, 0.91}, core.Canned: {0.92, 0.92}, core.Length: {0.97, 0.97},
		core.Manners: {0.85, 0.92}, core.Conduct: {0.76, 0.89}, core.Routing: {0.84, 0.87},
	},
	"train-bb": {
		core.PHI: {0.87, 0.88}, core.Canned: {0.97, 0.91}, core.Length: {0.97, 0.97},
		core.Manners: {0.80, 0.82}, core.Conduct: {0.90, 0.83}, core.Routing: {0.97, 0.65},
	},
	"train-bc": {
		core.PHI: {0.89, 0.84}, core.Canned: {0.97, 0.89}, core.Length: {0.97, 0.97},
		core.Manners: {0.87, 0.90}, core.Conduct: {0.94, 0.87}, core.Routing: {0.92, 0.87},
	},
	"train-bd": {
		core.PHI: {0.87, 0.88}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.92, 0.68}, core.Conduct: {0.74, 0.87}, core.Routing: {0.89, 0.56},
	},
	"train-be": {
		core.PHI: {0.86, 0.86}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.92, 0.92}, core.Conduct: {0.84, 0.91}, core.Routing: {0.97, 0.70},
	},
	"train-bf": {
		core.PHI: {0.86, 0.89}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.94, 0.77}, core.Conduct: {0.88, 0.90}, core.Routing: {0.80, 0.97},
	},
	"train-bg": {
		core.PHI: {0.89, 0.86}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.77, 0.79}, core.Conduct: {0.79, 0.90}, core.Routing: {0.75, 0.91},
	},
	"train-bh": {
		core.PHI: {0.81, 0.92}, core.Canned: {0.92, 0.89}, core.Length: {0.97, 0.97},
		core.Manners: {0.90, 0.90}, core.Conduct: {0.85, 0.94}, core.Routing: {0.70, 0.61},
	},
	"train-bi": {
		core.PHI: {0.82, 0.92}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.84, 0.91}, core.Conduct: {0.72, 0.94}, core.Routing: {0.97, 0.44},
	},
	"train-bj": {
		core.PHI: {0.84, 0.89}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.74, 0.74}, core.Conduct: {0.79, 0.79}, core.Routing: {0.78, 0.73},
	},
	"train-bk": {
		core.PHI: {0.77, 0.95}, core.Canned: {0.97, 0.92}, core.Length: {0.97, 0.97},
		core.Manners: {0.94, 0.88}, core.Conduct: {0.80, 0.91}, core.Routing: {0.85, 0.72},
	},
	"train-bl": {
		core.PHI: {0.81, 0.94}, core.Canned: {0.91, 0.91}, core.Length: {0.97, 0.97},
		core.Manners: {0.85, 0.88}, core.Conduct: {0.82, 0.86}, core.Routing: {0.88, 0.78},
	},
	"train-bm": {
		core.PHI: {0.88, 0.95}, core.Canned: {0.87, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.81, 0.72}, core.Conduct: {0.81, 0.81}, core.Routing: {0.82, 0.66},
	},
	"train-bn": {
		core.PHI: {0.85, 0.91}, core.Canned: {0.97, 0.87}, core.Length: {0.97, 0.97},
		core.Manners: {0.80, 0.85}, core.Conduct: {0.85, 0.84}, core.Routing: {0.89, 0.65},
	},
	"train-bo": {
		core.PHI: {0.84, 0.92}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.87, 0.87}, core.Conduct: {0.73, 0.85}, core.Routing: {0.79, 0.79},
	},
	"train-bp": {
		core.PHI: {0.91, 0.79}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.97, 0.91}, core.Conduct: {0.93, 0.87}, core.Routing: {0.88, 0.72},
	},
	"train-bq": {
		core.PHI: {0.82, 0.93}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.73, 0.91}, core.Conduct: {0.85, 0.92}, core.Routing: {0.84, 0.72},
	},
	"train-br": {
		core.PHI: {0.89, 0.82}, core.Canned: {0.97, 0.86}, core.Length: {0.97, 0.97},
		core.Manners: {0.90, 0.86}, core.Conduct: {0.72, 0.85}, core.Routing: {0.88, 0.84},
	},
	"train-bs": {
		core.PHI: {0.84, 0.81}, core.Canned: {0.97, 0.86}, core.Length: {0.97, 0.97},
		core.Manners: {0.97, 0.97}, core.Conduct: {0.78, 0.91}, core.Routing: {0.82, 0.82},
	},
	"train-bt": {
		core.PHI: {0.86, 0.86}, core.Canned: {0.92, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.85, 0.85}, core.Conduct: {0.88, 0.91}, core.Routing: {0.87, 0.84},
	},
	"train-bu": {
		core.PHI: {0.84, 0.89}, core.Canned: {0.97, 0.87}, core.Length: {0.97, 0.97},
		core.Manners: {0.79, 0.79}, core.Conduct: {0.82, 0.92}, core.Routing: {0.87, 0.79},
	},
	"train-bv": {
		core.PHI: {0.90, 0.97}, core.Canned: {0.87, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.69, 0.89}, core.Conduct: {0.69, 0.93}, core.Routing: {0.87, 0.91},
	},
	"train-bw": {
		core.PHI: {0.78, 0.90}, core.Canned: {0.89, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.94, 0.80}, core.Conduct: {0.81, 0.89}, core.Routing: {0.82, 0.85},
	},
	"train-bx": {
		core.PHI: {0.79, 0.92}, core.Canned: {0.91, 0.87}, core.Length: {0.97, 0.97},
		core.Manners: {0.92, 0.89}, core.Conduct: {0.84, 0.94}, core.Routing: {0.93, 0.93},
	},
	"train-by": {
		core.PHI: {0.76, 0.90}, core.Canned: {0.97, 0.92}, core.Length: {0.97, 0.97},
		core.Manners: {0.72, 0.70}, core.Conduct: {0.80, 0.85}, core.Routing: {0.80, 0.84},
	},
	"train-bz": {
		core.PHI: {0.78, 0.89}, core.Canned: {0.92, 0.87}, core.Length: {0.97, 0.97},
		core.Manners: {0.83, 0.87}, core.Conduct: {0.82, 0.80}, core.Routing: {0.92, 0.80},
	},
	"train-c": {
		core.PHI: {0.95, 0.91}, core.Canned: {0.94, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.97, 0.87}, core.Conduct: {0.95, 0.94}, core.Routing: {0.95, 0.92},
	},
	"train-ca": {
		core.PHI: {0.81, 0.92}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.84, 0.91}, core.Conduct: {0.84, 0.89}, core.Routing: {0.82, 0.87},
	},
	"train-cb": {
		core.PHI: {0.90, 0.83}, core.Canned: {0.97, 0.92}, core.Length: {0.92, 0.97},
		core.Manners: {0.62, 0.87}, core.Conduct: {0.75, 0.82}, core.Routing: {0.97, 0.72},
	},
	"train-cc": {
		core.PHI: {0.84, 0.90}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.76, 0.86}, core.Conduct: {0.84, 0.97}, core.Routing: {0.85, 0.88},
	},
	"train-cd": {
		core.PHI: {0.85, 0.80}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.76, 0.91}, core.Conduct: {0.75, 0.94}, core.Routing: {0.87, 0.92},
	},
	"train-ce": {
		core.PHI: {0.82, 0.89}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.73, 0.91}, core.Conduct: {0.87, 0.92}, core.Routing: {0.92, 0.84},
	},
	"train-cf": {
		core.PHI: {0.88, 0.91}, core.Canned: {0.97, 0.86}, core.Length: {0.97, 0.97},
		core.Manners: {0.65, 0.72}, core.Conduct: {0.75, 0.79}, core.Routing: {0.97, 0.92},
	},
	"train-cg": {
		core.PHI: {0.88, 0.83}, core.Canned: {0.92, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.85, 0.79}, core.Conduct: {0.85, 0.91}, core.Routing: {0.87, 0.64},
	},
	"train-ch": {
		core.PHI: {0.82, 0.83}, core.Canned: {0.97, 0.91}, core.Length: {0.97, 0.97},
		core.Manners: {0.70, 0.87}, core.Conduct: {0.82, 0.84}, core.Routing: {0.84, 0.80},
	},
	"train-ci": {
		core.PHI: {0.90, 0.86}, core.Canned: {0.97, 0.92}, core.Length: {0.97, 0.97},
		core.Manners: {0.94, 0.91}, core.Conduct: {0.87, 0.91}, core.Routing: {0.97, 0.84},
	},
	"train-cj": {
		core.PHI: {0.85, 0.88}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.72, 0.93}, core.Conduct: {0.69, 0.97}, core.Routing: {0.62, 0.89},
	},
	"train-ck": {
		core.PHI: {0.86, 0.87}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.93, 0.78}, core.Conduct: {0.80, 0.90}, core.Routing: {0.84, 0.97},
	},
	"train-cl": {
		core.PHI: {0.85, 0.85}, core.Canned: {0.97, 0.90}, core.Length: {0.97, 0.97},
		core.Manners: {0.85, 0.87}, core.Conduct: {0.88, 0.85}, core.Routing: {0.93, 0.90},
	},
	"train-cm": {
		core.PHI: {0.92, 0.86}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.74, 0.97}, core.Conduct: {0.75, 0.93}, core.Routing: {0.80, 0.80},
	},
	"train-cn": {
		core.PHI: {0.89, 0.91}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.97, 0.81}, core.Conduct: {0.89, 0.89}, core.Routing: {0.79, 0.76},
	},
	"train-co": {
		core.PHI: {0.89, 0.85}, core.Canned: {0.85, 0.85}, core.Length: {0.97, 0.97},
		core.Manners: {0.94, 0.92}, core.Conduct: {0.92, 0.94}, core.Routing: {0.89, 0.83},
	},
	"train-cp": {
		core.PHI: {0.80, 0.89}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.95, 0.88}, core.Conduct: {0.69, 0.89}, core.Routing: {0.84, 0.84},
	},
	"train-cq": {
		core.PHI: {0.85, 0.80}, core.Canned: {0.85, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.95, 0.90}, core.Conduct: {0.93, 0.88}, core.Routing: {0.81, 0.65},
	},
	"train-cr": {
		core.PHI: {0.81, 0.85}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.68, 0.90}, core.Conduct: {0.93, 0.90}, core.Routing: {0.74, 0.67},
	},
	"train-cs": {
		core.PHI: {0.78, 0.77}, core.Canned: {0.87, 0.87}, core.Length: {0.97, 0.97},
		core.Manners: {0.77, 0.69}, core.Conduct: {0.68, 0.87}, core.Routing: {0.90, 0.38},
	},
	"train-ct": {
		core.PHI: {0.87, 0.89}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.85, 0.89}, core.Conduct: {0.93, 0.90}, core.Routing: {0.75, 0.97},
	},
	"train-cu": {
		core.PHI: {0.84, 0.91}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.81, 0.90}, core.Conduct: {0.86, 0.93}, core.Routing: {0.87, 0.75},
	},
	"train-cv": {
		core.PHI: {0.89, 0.84}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.80, 0.93}, core.Conduct: {0.53, 0.88}, core.Routing: {0.97, 0.85},
	},
	"train-cw": {
		core.PHI: {0.88, 0.86}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.94, 0.94}, core.Conduct: {0.88, 0.91}, core.Routing: {0.97, 0.79},
	},
	"train-cx": {
		core.PHI: {0.83, 0.79}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.86, 0.91}, core.Conduct: {0.88, 0.97}, core.Routing: {0.86, 0.97},
	},
	"train-cy": {
		core.PHI: {0.81, 0.87}, core.Canned: {0.97, 0.87}, core.Length: {0.97, 0.97},
		core.Manners: {0.88, 0.72}, core.Conduct: {0.85, 0.85}, core.Routing: {0.97, 0.46},
	},
	"train-cz": {
		core.PHI: {0.80, 0.92}, core.Canned: {0.58, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.97, 0.79}, core.Conduct: {0.88, 0.88}, core.Routing: {0.89, 0.69},
	},
	"train-d": {
		core.PHI: {0.96, 0.91}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.77, 0.89}, core.Conduct: {0.83, 0.89}, core.Routing: {0.82, 0.97},
	},
	"train-da": {
		core.PHI: {0.91, 0.89}, core.Canned: {0.87, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.82, 0.93}, core.Conduct: {0.82, 0.94}, core.Routing: {0.91, 0.91},
	},
	"train-db": {
		core.PHI: {0.77, 0.94}, core.Canned: {0.89, 0.75}, core.Length: {0.97, 0.97},
		core.Manners: {0.80, 0.90}, core.Conduct: {0.84, 0.97}, core.Routing: {0.82, 0.72},
	},
	"train-dc": {
		core.PHI: {0.85, 0.88}, core.Canned: {0.74, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.93, 0.85}, core.Conduct: {0.95, 0.83}, core.Routing: {0.75, 0.78},
	},
	"train-dd": {
		core.PHI: {0.87, 0.93}, core.Canned: {0.88, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.79, 0.82}, core.Conduct: {0.80, 0.89}, core.Routing: {0.91, 0.91},
	},
	"train-de": {
		core.PHI: {0.91, 0.92}, core.Canned: {0.88, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.81, 0.77}, core.Conduct: {0.63, 0.77}, core.Routing: {0.79, 0.89},
	},
	"train-df": {
		core.PHI: {0.82, 0.91}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.83, 0.89}, core.Conduct: {0.81, 0.97}, core.Routing: {0.85, 0.80},
	},
	"train-dg": {
		core.PHI: {0.83, 0.85}, core.Canned: {0.97, 0.84}, core.Length: {0.97, 0.97},
		core.Manners: {0.86, 0.88}, core.Conduct: {0.85, 0.90}, core.Routing: {0.91, 0.77},
	},
	"train-dh": {
		core.PHI: {0.91, 0.86}, core.Canned: {0.97, 0.85}, core.Length: {0.97, 0.97},
		core.Manners: {0.74, 0.92}, core.Conduct: {0.75, 0.93}, core.Routing: {0.63, 0.82},
	},
	"train-di": {
		core.PHI: {0.87, 0.90}, core.Canned: {0.78, 0.87}, core.Length: {0.97, 0.97},
		core.Manners: {0.95, 0.79}, core.Conduct: {0.79, 0.84}, core.Routing: {0.97, 0.97},
	},
	"train-dj": {
		core.PHI: {0.85, 0.89}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.84, 0.69}, core.Conduct: {0.94, 0.77}, core.Routing: {0.81, 0.91},
	},
	"train-dk": {
		core.PHI: {0.80, 0.84}, core.Canned: {0.97, 0.90}, core.Length: {0.97, 0.97},
		core.Manners: {0.72, 0.91}, core.Conduct: {0.76, 0.87}, core.Routing: {0.89, 0.85},
	},
	"train-dl": {
		core.PHI: {0.85, 0.87}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.94, 0.77}, core.Conduct: {0.87, 0.76}, core.Routing: {0.97, 0.72},
	},
	"train-dm": {
		core.PHI: {0.90, 0.82}, core.Canned: {0.88, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.95, 0.91}, core.Conduct: {0.91, 0.89}, core.Routing: {0.97, 0.97},
	},
	"train-dn": {
		core.PHI: {0.92, 0.84}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.61, 0.92}, core.Conduct: {0.80, 0.89}, core.Routing: {0.97, 0.63},
	},
	"train-do": {
		core.PHI: {0.79, 0.91}, core.Canned: {0.97, 0.84}, core.Length: {0.97, 0.97},
		core.Manners: {0.87, 0.79}, core.Conduct: {0.78, 0.78}, core.Routing: {0.85, 0.80},
	},
	"train-dp": {
		core.PHI: {0.79, 0.84}, core.Canned: {0.72, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.77, 0.92}, core.Conduct: {0.85, 0.82}, core.Routing: {0.90, 0.90},
	},
	"train-dq": {
		core.PHI: {0.75, 0.94}, core.Canned: {0.97, 0.97}, core.Length: {0.90, 0.85},
		core.Manners: {0.76, 0.84}, core.Conduct: {0.78, 0.86}, core.Routing: {0.93, 0.70},
	},
	"train-dr": {
		core.PHI: {0.84, 0.97}, core.Canned: {0.85, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.83, 0.83}, core.Conduct: {0.74, 0.97}, core.Routing: {0.89, 0.67},
	},
	"train-ds": {
		core.PHI: {0.91, 0.84}, core.Canned: {0.84, 0.97}, core.Length: {0.97, 0.90},
		core.Manners: {0.73, 0.86}, core.Conduct: {0.70, 0.92}, core.Routing: {0.90, 0.65},
	},
	"train-dt": {
		core.PHI: {0.69, 0.97}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.89, 0.85}, core.Conduct: {0.71, 0.80}, core.Routing: {0.90, 0.90},
	},
	"train-du": {
		core.PHI: {0.92, 0.89}, core.Canned: {0.97, 0.84}, core.Length: {0.97, 0.97},
		core.Manners: {0.56, 0.68}, core.Conduct: {0.80, 0.84}, core.Routing: {0.86, 0.78},
	},
	"train-dv": {
		core.PHI: {0.83, 0.92}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.68, 0.82}, core.Conduct: {0.76, 0.92}, core.Routing: {0.60, 0.55},
	},
	"train-dw": {
		core.PHI: {0.86, 0.90}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.79, 0.97}, core.Conduct: {0.69, 0.91}, core.Routing: {0.78, 0.91},
	},
	"train-dx": {
		core.PHI: {0.82, 0.84}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.87, 0.82}, core.Conduct: {0.69, 0.85}, core.Routing: {0.90, 0.90},
	},
	"train-dy": {
		core.PHI: {0.69, 0.79}, core.Canned: {0.92, 0.79}, core.Length: {0.97, 0.97},
		core.Manners: {0.90, 0.85}, core.Conduct: {0.85, 0.78}, core.Routing: {0.77, 0.67},
	},
	"train-dz": {
		core.PHI: {0.81, 0.91}, core.Canned: {0.97, 0.97}, core.Length: {0.91, 0.91},
		core.Manners: {0.68, 0.85}, core.Conduct: {0.71, 0.92}, core.Routing: {0.97, 0.77},
	},
	"train-e": {
		core.PHI: {0.92, 0.88}, core.Canned: {0.94, 0.92}, core.Length: {0.97, 0.97},
		core.Manners: {0.94, 0.88}, core.Conduct: {0.91, 0.93}, core.Routing: {0.97, 0.72},
	},
	"train-ea": {
		core.PHI: {0.64, 0.84}, core.Canned: {0.97, 0.87}, core.Length: {0.97, 0.97},
		core.Manners: {0.79, 0.92}, core.Conduct: {0.82, 0.94}, core.Routing: {0.97, 0.83},
	},
	"train-f": {
		core.PHI: {0.95, 0.92}, core.Canned: {0.97, 0.97}, core.Length: {0.96, 0.97},
		core.Manners: {0.55, 0.55}, core.Conduct: {0.90, 0.97}, core.Routing: {0.97, 0.97},
	},
	"train-g": {
		core.PHI: {0.84, 0.93}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.79, 0.97}, core.Conduct: {0.72, 0.97}, core.Routing: {0.77, 0.85},
	},
	"train-h": {
		core.PHI: {0.94, 0.87}, core.Canned: {0.87, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.97, 0.87}, core.Conduct: {0.89, 0.89}, core.Routing: {0.59, 0.52},
	},
	"train-l": {
		core.PHI: {0.94, 0.92}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.83, 0.97}, core.Conduct: {0.84, 0.93}, core.Routing: {0.91, 0.91},
	},
	"train-m": {
		core.PHI: {0.91, 0.87}, core.Canned: {0.91, 0.82}, core.Length: {0.97, 0.97},
		core.Manners: {0.95, 0.89}, core.Conduct: {0.91, 0.88}, core.Routing: {0.97, 0.50},
	},
	"train-n": {
		core.PHI: {0.83, 0.90}, core.Canned: {0.97, 0.88}, core.Length: {0.97, 0.97},
		core.Manners: {0.97, 0.89}, core.Conduct: {0.93, 0.93}, core.Routing: {0.90, 0.97},
	},
	"train-o": {
		core.PHI: {0.83, 0.95}, core.Canned: {0.97, 0.82}, core.Length: {0.93, 0.97},
		core.Manners: {0.88, 0.86}, core.Conduct: {0.87, 0.90}, core.Routing: {0.80, 0.97},
	},
	"train-p": {
		core.PHI: {0.91, 0.91}, core.Canned: {0.92, 0.76}, core.Length: {0.97, 0.97},
		core.Manners: {0.87, 0.90}, core.Conduct: {0.82, 0.92}, core.Routing: {0.89, 0.73},
	},
	"train-q": {
		core.PHI: {0.87, 0.91}, core.Canned: {0.92, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.95, 0.81}, core.Conduct: {0.91, 0.87}, core.Routing: {0.97, 0.97},
	},
	"train-r": {
		core.PHI: {0.91, 0.95}, core.Canned: {0.97, 0.88}, core.Length: {0.97, 0.97},
		core.Manners: {0.93, 0.90}, core.Conduct: {0.84, 0.94}, core.Routing: {0.79, 0.79},
	},
	"train-s": {
		core.PHI: {0.83, 0.94}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.86, 0.91}, core.Conduct: {0.78, 0.97}, core.Routing: {0.97, 0.77},
	},
	"train-t": {
		core.PHI: {0.89, 0.91}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.97, 0.92}, core.Conduct: {0.97, 0.97}, core.Routing: {0.79, 0.92},
	},
	"train-u": {
		core.PHI: {0.84, 0.88}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.91, 0.82}, core.Conduct: {0.89, 0.89}, core.Routing: {0.92, 0.87},
	},
	"train-v": {
		core.PHI: {0.88, 0.90}, core.Canned: {0.97, 0.92}, core.Length: {0.97, 0.97},
		core.Manners: {0.94, 0.89}, core.Conduct: {0.94, 0.97}, core.Routing: {0.97, 0.93},
	},
	"train-w": {
		core.PHI: {0.88, 0.89}, core.Canned: {0.88, 0.92}, core.Length: {0.97, 0.97},
		core.Manners: {0.61, 0.70}, core.Conduct: {0.89, 0.91}, core.Routing: {0.92, 0.84},
	},
	"train-x": {
		core.PHI: {0.93, 0.92}, core.Canned: {0.91, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.91, 0.87}, core.Conduct: {0.94, 0.94}, core.Routing: {0.97, 0.85},
	},
	"train-y": {
		core.PHI: {0.91, 0.88}, core.Canned: {0.97, 0.97}, core.Length: {0.97, 0.97},
		core.Manners: {0.83, 0.79}, core.Conduct: {0.69, 0.97}, core.Routing: {0.90, 0.77},
	},
	"train-z": {
		core.PHI: {0.83, 0.93}, core.Canned: {0.86, 0.91}, core.Length: {0.97, 0.97},
		core.Manners: {0.90, 0.78}, core.Conduct: {0.82, 0.87}, core.Routing: {0.91, 0.77},
	},
}

func TestCorpus(t *testing.T) {
	e := core.MustDefaultEngine()
	files, _ := filepath.Glob(filepath.Join("testdata", "corpus", "*.jsonl"))
	if len(files) == 0 {
		t.Fatal("no corpus files in testdata/corpus")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".jsonl")
		t.Run(name, func(t *testing.T) {
			if corpusFloors[name] == nil {
				t.Fatalf("%s has no floors in corpusFloors: add them from replyguard-eval's figures", name)
			}
			items, err := corpus.Load(filepath.Join("testdata", "corpus", name+".jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			if name == "dev" && len(items) < 300 {
				t.Fatalf("dev corpus has %d items, want at least 300", len(items))
			}
			rep := corpus.Score(e, items)
			// The *-check halves stay unread: their disagreements are never printed.
			if *showMisses && !strings.HasSuffix(name, "-check") {
				for _, m := range rep.Misses {
					kind := "FN"
					if m.FalsePos {
						kind = "FP"
					}
					t.Logf("%s %s %s: %q (comment %q) why: %s\n%s", kind, m.Category, m.Item.ID, m.Item.Text, m.Item.Comment, m.Item.Why, archive.Describe(m.Item.Text, m.Findings))
				}
			}
			var b strings.Builder
			fmt.Fprintf(&b, "%s corpus: %d replies\n%-8s %5s %5s %5s %9s %7s %6s\n", name, len(items), "category", "tp", "fp", "fn", "precision", "recall", "f1")
			for _, c := range core.Categories {
				s := rep.By[c]
				fmt.Fprintf(&b, "%-8s %5d %5d %5d %9.3f %7.3f %6.3f\n", c, s.TP, s.FP, s.FN, s.Precision(), s.Recall(), s.F1())
			}
			t.Log("\n" + b.String())
			for c, floor := range corpusFloors[name] {
				s := rep.By[c]
				if s.Precision() < floor[0] || s.Recall() < floor[1] {
					t.Errorf("%s: %s precision %.3f recall %.3f, floors %.2f / %.2f", name, c, s.Precision(), s.Recall(), floor[0], floor[1])
				}
			}
		})
	}
}
