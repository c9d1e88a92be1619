package manners_test

import (
	"testing"

	"github.com/replyguard/replyguard/core/ruletest"
	"github.com/replyguard/replyguard/core/rules/manners"
)

func TestRule(t *testing.T) { ruletest.Run(t, manners.Rule) }
