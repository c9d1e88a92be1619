package canned_test

import (
	"testing"

	"github.com/replyguard/replyguard/core/ruletest"
	"github.com/replyguard/replyguard/core/rules/canned"
)

func TestRule(t *testing.T) { ruletest.Run(t, canned.Rule) }
