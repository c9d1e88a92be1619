package routing_test

import (
	"testing"

	"github.com/replyguard/replyguard/core/ruletest"
	"github.com/replyguard/replyguard/core/rules/routing"
)

func TestRule(t *testing.T) { ruletest.Run(t, routing.Rule) }
