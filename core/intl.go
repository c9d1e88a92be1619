package core

import (
	"strings"
	"sync"
)

// Replies in other languages. Practices answer patients in Spanish, French,
// Portuguese, Vietnamese, Chinese, Korean, Polish and Tagalog every day, and
// a care detail leaks in any of them. The English frames read grammar; here
// a small vocabulary is enough: a care word counts when the reply also speaks
// to the person ("su", "votre", "chị", "您"), names a day ("el martes",
// "thứ Sáu", "周四") or answers someone who wrote about their own care.
// Words that are English too ("implant", "infection") are left to the
// English vocabulary.

// intlCare are care words in scripts with spaces between words.
var intlCare = []string{
	// Spanish
	"cita", "citas", "consulta", "limpieza", "empaste", "endodoncia", "ortodoncia", "frenos", "extracción",
	"muela", "muela del juicio", "implante", "implantes", "dentadura", "radiografía", "análisis", "resultados",
	"receta", "antibiótico", "antibióticos", "pastillas", "medicamento", "medicamentos", "inhalador", "asma",
	"embarazo", "terapia", "terapia física", "fisioterapia", "rodilla", "cirugía", "operación", "yeso",
	"vacuna", "vacunas", "presión arterial", "colesterol", "ecografía", "ultrasonido", "parto", "tratamiento",
	"diagnóstico", "infección", "fractura", "alergia", "quimioterapia", "depresión", "ansiedad", "puntos de sutura",
	"retenedor", "brackets", "corona dental", "caries", "atenderlo", "atenderla", "atenderle", "atenderte",
	"atenderlos", "atenderlas",
	// French
	"rendez-vous", "détartrage", "plombage", "carie", "couronne", "dévitalisation", "appareil dentaire",
	"bagues", "dent de sagesse", "radiographie", "analyses", "résultats", "ordonnance", "antibiotique",
	"antibiotiques", "médicament", "médicaments", "inhalateur", "asthme", "diabète", "grossesse", "kiné",
	"kinésithérapie", "genou", "chirurgie", "points de suture", "plâtre", "vaccin", "cholestérol", "échographie",
	"accouchement", "traitement", "allergie", "chimiothérapie", "dépression", "anxiété", "gouttière",
	// Portuguese
	"limpeza", "obturação", "tratamento de canal", "aparelho", "extração", "exames", "receita", "remédio",
	"remédios", "inalador", "gravidez", "joelho", "cirurgia", "gesso", "vacina", "pressão", "tratamento",
	"infecção", "consulta marcada",
	// Vietnamese
	"lịch hẹn", "tái khám", "cạo vôi", "trám răng", "lấy tủy", "bọc răng sứ", "niềng răng", "nhổ răng",
	"răng khôn", "cấy ghép", "chụp x-quang", "xét nghiệm", "kết quả", "đơn thuốc", "thuốc", "kháng sinh",
	"hàm duy trì", "hen suyễn", "tiểu đường", "mang thai", "vật lý trị liệu", "đầu gối", "phẫu thuật",
	"cắt chỉ", "bó bột", "tiêm", "vắc-xin", "huyết áp", "điều trị", "chẩn đoán", "nhiễm trùng", "dị ứng",
	// Polish
	"wizyta", "wizyty", "wizytę", "kontroli", "kontrola", "leczenie kanałowe", "plomba", "plombę", "aparat",
	"ekstrakcja", "prześwietlenie", "wyniki", "recepta", "receptę", "antybiotyk", "leki", "inhalator", "astma",
	"cukrzyca", "ciąża", "ciąży", "fizjoterapia", "kolano", "operacja", "szwy", "gips", "szczepienie",
	"ciśnienie", "leczenie", "diagnoza", "infekcja", "alergia",
	// Tagalog
	"ngipin", "bunot", "gamot", "operasyon", "resulta", "reseta", "hika", "buntis", "tuhod", "tahi",
}

// intlCareCJK are care words in scripts written without spaces, found as
// substrings.
var intlCareCJK = []string{
	// Chinese (simplified and traditional)
	"根管", "洗牙", "补牙", "補牙", "拔牙", "智齿", "智齒", "种植牙", "種植牙", "牙套", "矫正", "矯正", "复诊", "複診",
	"拍片", "X光", "检查结果", "檢查結果", "化验", "化驗", "处方", "處方", "抗生素", "吃药", "吃藥", "哮喘", "糖尿病",
	"怀孕", "懷孕", "理疗", "理療", "物理治疗", "膝盖", "膝蓋", "手术", "手術", "拆线", "拆線", "石膏", "疫苗",
	"血压", "血壓", "治疗", "治療", "诊断", "診斷", "感染", "过敏", "過敏", "化疗", "化療", "保持器",
	// Korean
	"신경치료", "스케일링", "충치", "임플란트", "교정", "발치", "사랑니", "진료", "검사 결과", "처방", "항생제",
	"천식", "당뇨", "임신", "물리치료", "무릎", "수술", "실밥", "깁스", "백신", "혈압", "치료", "진단",
}

// intlYou address the reader; intlDays name a day or a time; intlMine in a
// comment means the writer speaks of their own care ("mi mamá", "mon fils").
var (
	intlYou = newLexSet(fields(`su sus tu tus usted ustedes votre vos ton ta tes vous seu sua seus
		suas você chị anh bạn cô chú bác pani pan pana twój twoja twoje twojego mo ninyo kayo ikaw`)...)
	intlDays = newLexSet(fields(`lunes martes miércoles jueves viernes sábado domingo mañana lundi
		mardi mercredi jeudi vendredi samedi dimanche demain segunda terça quarta quinta sexta
		amanhã poniedziałek wtorek środę środa czwartek piątek sobotę sobota jutro pasado huwebes
		biyernes sabado linggo bukas`)...)
	intlMine = newLexSet(fields(`mi mis mon ma mes meu minha meus minhas mój moja moje mojego mojej
		ko akin tôi`)...)
	intlOffer = newLexSet(fields(`ofrecemos ofrece ofrecen proposons offrons proposent oferecemos
		oferece oferujemy oferuje`)...)
)

var (
	intlYouCJK  = []string{"你", "您", "妳", "님", "女士", "先生", "小姐", "阿姨", "太太", "씨"}
	intlDaysCJK = []string{"周一", "周二", "周三", "周四", "周五", "周六", "周日", "週一", "週二", "週三", "週四", "週五",
		"週六", "週日", "星期", "礼拜", "禮拜", "明天", "下周", "下週", "号", "號", "요일", "내일", "다음 주"}
	intlMineCJK = []string{"我", "제 ", "내 ", "저의"}
)

var intlCareSet = sync.OnceValue(func() *phraseSet {
	ps := newPhraseSet()
	ps.addAll(intlCare, "care")
	return ps
})

// hasCJK reports Han, Hangul or kana text (UTF-8 lead bytes 0xE3–0xED).
func hasCJK(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0xE3 && c <= 0xED {
			return true
		}
	}
	return false
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// intlHits finds care words of other languages tied to the reader.
func (pp *phiPass) intlHits() []phiHit {
	d := pp.d
	cjk := hasCJK(d.Text)
	var spans []Span
	for _, m := range intlCareSet().find(d) {
		spans = append(spans, d.span(m.From, m.To))
	}
	if cjk {
		for _, t := range intlCareCJK {
			for off := 0; ; {
				i := strings.Index(d.Text[off:], t)
				if i < 0 {
					break
				}
				spans = append(spans, Span{off + i, off + i + len(t)})
				off += i + len(t)
			}
		}
	}
	if len(spans) == 0 {
		return nil
	}
	all := d.anyClass()
	if intlOffer.in(all) {
		return nil // "Ofrecemos limpiezas los sábados": a service, not a person's care
	}
	tied := intlYou.in(all) || intlDays.in(all) || (cjk && (containsAny(d.Text, intlYouCJK) || containsAny(d.Text, intlDaysCJK)))
	if !tied && pp.comment != nil {
		cd := pp.comment
		tied = intlMine.in(cd.anyClass()) || (hasCJK(cd.Text) && containsAny(cd.Text, intlMineCJK))
	}
	if !tied {
		return nil
	}
	hits := make([]phiHit, len(spans))
	for k, sp := range spans {
		hits[k] = phiHit{sp, "mentions the person's care details", "care"}
	}
	return hits
}
