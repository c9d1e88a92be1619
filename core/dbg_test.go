package core
import ("testing";"fmt";"os";"strings")
func TestDbg(t *testing.T){
 e := MustDefaultEngine()
 for _, s := range strings.Split(os.Getenv("DBG"), "||") {
  p := &Pass{Policy: e.c, Reply: Analyze(s), Input: &Input{Text:s}, Comment: &CommentInfo{}}
  pp := newPHIPass(p)
  fmt.Printf("%q\n", s)
  for i, f := range pp.flags { fmt.Printf("  s%d %+v\n", i, f) }
  for i, m := range pp.care { if m.From >= 0 { fmt.Printf("  care %d %q %s\n", i, pp.d.Words[i].Lower, m.Tag) } }
  fmt.Print(describe(s, e.Check(Input{Text:s}).Findings))
 }
}
