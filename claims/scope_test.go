package claims

import "testing"

// TestPeriodInsideAnother: a count of a part of a period ("im ersten
// Quartal", "im ersten Halbjahr") against the count of the whole period
// is a part of it, no contradiction, as long as the part is not the
// larger; the same period, two sources, stays a conflict.
func TestPeriodInsideAnother(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"first quarter, then the year", "2025-04-05",
			"Hamburg – Im ersten Quartal sind in Hamburg neun Fußgänger bei Unfällen gestorben, teilte die Polizei mit.",
			"2026-01-12", "Hamburg – Im gesamten Jahr 2025 starben in Hamburg 31 Fußgänger im Straßenverkehr.", ""},
		{"first half, then the whole year, sold", "2025-07-20",
			"Mainz – Im ersten Halbjahr haben die Winzer in Rheinhessen 40 Millionen Flaschen Wein verkauft, sagte der Weinbauverband.",
			"2026-01-25", "Mainz – Im Gesamtjahr 2025 verkauften die Winzer in Rheinhessen 85 Millionen Flaschen Wein.", ""},
		// the part larger than the whole: one of them is wrong
		{"a half larger than its year", "2025-07-20",
			"Mainz – Im ersten Halbjahr haben die Winzer in Rheinhessen 120 Millionen Flaschen Wein verkauft, sagte der Weinbauverband.",
			"2026-01-25", "Mainz – Im Gesamtjahr 2025 verkauften die Winzer in Rheinhessen nach Zahlen des Landesamts 85 Millionen Flaschen Wein.", KindConflict},
		{"one half, two sources", "2025-07-20",
			"Mainz – Im ersten Halbjahr haben die Winzer in Rheinhessen 40 Millionen Flaschen Wein verkauft, sagte der Weinbauverband.",
			"2025-07-22", "Mainz – Im ersten Halbjahr 2025 verkauften die Winzer in Rheinhessen nach Zahlen des Landesamts 52 Millionen Flaschen Wein.", KindConflict},
	})
}

// TestAloneMarksAPart: "allein" at a place ("Am Kinderhaus Sonnenblume
// allein", "Allein im Klinikum Nord") says its figure is a part of a
// larger count, fronted or after the place: against the count of a wider
// place it is no contradiction. The same place on both sides still
// contradicts.
func TestAloneMarksAPart(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"one day care centre alone against the town", "2026-04-02",
			"Dresden – In Dresden haben in diesem Jahr 410 Familien eine Absage für einen Kitaplatz erhalten, teilte die Stadt mit.",
			"2026-04-03", "Dresden – Am Kinderhaus Sonnenblume allein erhielten 60 Familien eine Absage.", ""},
		{"alone in one hospital against the city", "2026-01-20",
			"Nürnberg – In Nürnberg wurden im vergangenen Jahr 900 Patienten mit Grippe stationär behandelt, sagte das Gesundheitsamt.",
			"2026-01-22", "Nürnberg – Allein im Klinikum Nord wurden 2025 rund 350 Patienten mit Grippe stationär behandelt.", ""},
		// the same place alone on both sides
		{"alone at one centre, two sources", "2026-04-02",
			"Dresden – Allein am Kinderhaus Sonnenblume erhielten 60 Familien eine Absage, sagte die Leiterin.",
			"2026-04-02", "Dresden – Am Kinderhaus Sonnenblume allein erhielten nach Angaben des Elternrats 85 Familien eine Absage.", KindConflict},
	})
}

// TestOwnerAgainstAPlace: a count of what one named owner holds ("Der
// Yachtclub „Möwe“ will seine 190 Liegeplätze", "Die Anlage „Sonnenhang“
// mit ihren 23 Kleingärten") is not the count of a place ("In Kiel gibt
// es 1.900 Liegeplätze") whose article never names that owner. The owner
// on both sides, or a place that owns the figure, is still one.
func TestOwnerAgainstAPlace(t *testing.T) {
	runPrecision(t, []precisionCase{
		{"a club's berths against the town's", "2026-05-10",
			"Kiel – In Kiel gibt es nach Angaben der Stadt rund 1.900 Liegeplätze.",
			"2026-05-12", "Kiel – Der Yachtclub „Möwe“ will seine 190 Liegeplätze erweitern.", ""},
		{"one colony's gardens against the city's", "2026-05-10",
			"Dresden – In Dresden gibt es nach Angaben der Stadt rund 23.000 Kleingärten.",
			"2026-05-12", "Dresden – Die Anlage „Sonnenhang“ mit ihren 23 Kleingärten soll einem Schulneubau weichen.", ""},
		// one owner
		{"the club on both sides", "2026-05-10",
			"Kiel – Der Yachtclub „Möwe“ hat 190 Liegeplätze.",
			"2026-05-12", "Kiel – Der Yachtclub „Möwe“ verfügt nach Angaben des Hafenamts über 240 Liegeplätze.", KindConflict},
		{"the place named as owner", "2026-05-10",
			"Kiel – In Kiel gibt es nach Angaben der Stadt rund 1.900 Liegeplätze.",
			"2026-05-12", "Kiel – Die Stadt Kiel hat nach Angaben des Seglerverbands 2.600 Liegeplätze.", KindConflict},
	})
}
