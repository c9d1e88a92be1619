package hipaa_test

import (
	"testing"

	"github.com/replyguard/replyguard/core/ruletest"
	"github.com/replyguard/replyguard/core/rules/hipaa"
)

func TestRule(t *testing.T) { ruletest.Run(t, hipaa.Rule) }
