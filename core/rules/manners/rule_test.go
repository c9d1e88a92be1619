package manners_test

import (
	"testing"

	"github.com/replyguard/replyguard/core/rules/manners"
	"github.com/replyguard/replyguard/core/ruletest"
)

func TestRule(t *testing.T) { ruletest.Run(t, manners.Rule) }
