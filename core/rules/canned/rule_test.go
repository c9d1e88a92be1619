package canned_test

import (
	"testing"

	"github.com/replyguard/replyguard/core/rules/canned"
	"github.com/replyguard/replyguard/core/ruletest"
)

func TestRule(t *testing.T) { ruletest.Run(t, canned.Rule) }
