package claims

import "strings"

// The closed word lists of the engine. They are German, not a topic: function
// words, verbs of saying, denying, retracting, correcting and changing, the
// cues of plans, announcements and forecasts, hedges, units and a few
// language-level equivalences (a nominalisation and its verb, "Tote" and "ums
// Leben kommen"). Names, places, organisations and the measured things are
// never listed: they are read from the text (mentions.go). Keys are lower
// case.

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

var (
	// determiners and pronouns that open or stand for a noun phrase.
	determiners = set("der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner keines " +
		"sein seine seinen seinem seiner seines ihr ihre ihren ihrem ihrer ihres unser unsere unseren unserem unserer " +
		"dieser diese dieses diesen diesem jener jene jenes jenen jenem jeder jede jedes jeden jedem welcher welche " +
		"welches welchen welchem alle allen aller alles beide beiden beider mancher manche solche solchen solcher " +
		"dessen deren derselben desselben demselben denselben dieselbe derselbe dasselbe")

	// prepositions, including the contracted forms.
	prepositions = set("in im ins an am ans auf aus bei beim mit nach von vom zu zum zur für gegen ohne um durch " +
		"über unter vor hinter neben zwischen seit bis ab wegen trotz während laut gemäß samt außer binnen entlang " +
		"innerhalb außerhalb oberhalb unterhalb anlässlich angesichts aufgrund infolge zufolge gegenüber per pro via " +
		"inklusive einschließlich mittels statt anstatt jenseits nahe")

	// placePrepositions put a following name where something happens or
	// comes from: "in Köln", "aus Bayern", "bei Siemens".
	placePrepositions = set("in im aus bei beim nach vor nahe nördlich südlich östlich westlich zwischen")
	// locativePrepositions say where something is or happens, not where it
	// goes: a place they govern narrows the event ("im Werk Zwickau").
	locativePrepositions = set("in im bei beim")

	// seasons narrow a year.
	seasons = map[string][2]int{"frühjahr": {3, 5}, "frühling": {3, 5}, "sommer": {6, 8}, "herbst": {9, 11},
		"winter": {12, 14}}

	// conjunctions, subjunctions and relative or interrogative words.
	conjunctions = set("und oder aber sondern denn doch sowie bzw sowohl weder noch als wie dass ob weil da wenn falls " +
		"obwohl obgleich nachdem bevor ehe während sobald solange seitdem damit sodass indem wonach wobei womit " +
		"worauf woran wodurch weshalb weswegen wo wann warum wer was wen wem wessen")

	// pronouns.
	pronouns = set("ich du er sie es wir ihr man sich mich dich uns euch ihm ihn ihnen mir dir jemand niemand " +
		"etwas nichts einige einiger einigen mehrere mehreren viele vielen wenige wenigen andere anderen anderer " +
		"anderes sämtliche selbst selber")

	// auxiliaries: forms of sein, haben, werden. They carry tense, not
	// content.
	auxiliaries = set("sein bin bist ist sind seid war waren warst wart gewesen sei seien wäre wären " +
		"haben habe hast hat habt hatte hatten hätte hätten gehabt " +
		"werden werde wirst wird werdet wurde wurden würde würden geworden worden")

	// modals and the plan verbs that govern an infinitive.
	modals = set("will wollen willst wollte wollten wolle wollt soll sollen sollte sollten solle sollst " +
		"kann können konnte konnten könnte könnten könne muss müssen musste mussten müsse müsste " +
		"darf dürfen durfte durften dürfte dürften möchte möchten mag mögen")

	// adverbs and particles that carry no content for comparison.
	adverbs = set("auch noch bereits schon jetzt nun nur sehr mehr weniger etwa rund ca circa zirka knapp fast " +
		"gut über unter mindestens höchstens maximal wenigstens insgesamt zusammen bislang bisher inzwischen " +
		"mittlerweile zuletzt zunächst zuerst erst dann danach davor zuvor später früher bald sofort derzeit " +
		"aktuell momentan gerade immer wieder erneut nie niemals nicht kaum so dort hier da heute gestern morgen " +
		"anfang mitte ende schwer leicht weltweit bundesweit landesweit europaweit deutschlandweit vorgestern übermorgen damals jeweils ebenfalls zudem außerdem jedoch allerdings dennoch trotzdem deshalb " +
		"daher darum somit also zwar eigentlich offenbar angeblich vermutlich wohl ja nein doch ganz gar weit " +
		"deutlich etwas beinahe nahezu ungefähr annähernd genau exakt lediglich allein alleine bloß eher " +
		"vielleicht möglicherweise womöglich wahrscheinlich sicher sicherlich tatsächlich wirklich ebenso " +
		"weiterhin weiter weitere weiteren weiterer weiteres dabei dazu davon darunter daran darauf daraus " +
		"dafür dagegen damit hierzu hierbei demnach folglich dementsprechend bereits vorerst vorher nachher " +
		"zwischenzeitlich unterdessen indes indessen stattdessen ebenso gleichzeitig zugleich vor allem rund um " +
		"teils teilweise überwiegend vorwiegend meist meistens oft häufig selten manchmal einmal zweimal " +
		"erstmals letztmals endgültig vollständig komplett nochmals abermals anschließend seither seitdem " +
		"laut zufolge gemäß jüngst kürzlich neulich soeben eben schließlich letztlich vorläufig voraussichtlich")

	// negations negate their clause.
	negations = set("nicht nie niemals keinesfalls keineswegs nirgends nirgendwo")
	// negationExceptions after "nicht" make it no denial: "nicht nur",
	// "nicht klar", "nicht mehr als".
	negationExceptions = set("nur klar bekannt bestätigt ausgeschlossen sicher unklar geklärt ganz zuletzt einmal " +
		"mehr weniger minder selten erst")

	// hedges weaken a claim: reportative, epistemic, conditional.
	hedgeWords = set("angeblich offenbar offensichtlich vermutlich mutmaßlich möglicherweise womöglich wahrscheinlich " +
		"wohl anscheinend scheint scheinen schien eventuell unbestätigt unbestätigten unbestätigte gerüchte " +
		"gerüchten könnte könnten dürfte dürften würde würden")
	// subjunctives of reported speech (Konjunktiv I and II) hedge too.
	subjunctives = set("sei seien habe hätte hätten wäre wären werde könne wolle solle müsse gebe gäbe liege lägen " +
		"stehe stünde komme käme gehe ginge")
	// sourceHedges say a figure rests on an estimate nobody signs or on
	// hearsay ("Schätzungen zufolge", "nach unbestätigten Angaben", "wie
	// verlautete"), wherever they stand, the attribution included;
	// "schätzungsweise" estimates what is, it forecasts nothing.
	sourceHedges = set("schätzungen schätzungsweise unbestätigt unbestätigte unbestätigten unbestätigter " +
		"gerüchte gerüchten verlautete verlautet verlauteten inoffiziell inoffiziellen inoffizielle")
	hedgePhrases = []string{"heißt es", "es gibt berichte", "berichten zufolge", "nicht klar", "nicht bestätigt",
		"unklar", "nicht bekannt", "noch offen"}

	// sayVerbs attribute: who says it is the source, not the owner of the
	// figure. Estimating and reporting verbs count, since "Die Polizei
	// schätzte die Zahl auf 5.000" is the police's figure.
	sayVerbs = set("sagt sagte sagten sagen gesagt erklärt erklärte erklärten erklären betont betonte betonten " +
		"behauptet behauptete behaupteten behaupten verkündet verkündete teilt teilte teilten mitteilte mitgeteilt " +
		"meldet meldete meldeten melden gemeldet berichtet berichtete berichteten berichten schreibt schrieb " +
		"schrieben geschrieben warnt warnte warnten spricht sprach sprachen sprechen gesprochen schätzt schätzte " +
		"schätzten schätzen geschätzt beziffert bezifferte bezifferten beziffern zählt zählte zählten gezählt " +
		"nennt nannte nannten genannt gibt gab gaben angegeben bestätigt bestätigte bestätigten bestätigen " +
		"informiert informierte heißt hieß äußerte äußert geäußert ergänzte ergänzt fügte fügt räumte räumt " +
		"kritisiert kritisierte zitiert zitierte verlautet verlautete")
	// sayNouns stand for a source in "nach Angaben der Polizei",
	// "Informationen des Senders zufolge", "nach Messungen des Landesamts".
	sayNouns = set("angaben angabe informationen information schätzung schätzungen berichten bericht berichte " +
		"darstellung aussagen aussage erkenntnissen erkenntnisse zählung zählungen mitteilung sprecher sprecherin " +
		"einschätzung einschätzungen messung messungen berechnung berechnungen auswertung auswertungen")

	// lightVerbs carry a figure without saying what it is: "lag bei",
	// "beträgt", "es gibt".
	lightVerbs = set("verfügt verfügte verfügten verfügen liegt lag lagen liegen gelegen beträgt betrug betrugen betragen belief beläuft belaufen " +
		"erreicht erreichte erreichten erreichen gibt gab gaben geben gegeben kommt kam kamen kommen gekommen " +
		"zählt zählte umfasst umfasste umfassen stehen steht stand standen gestanden bleibt blieb blieben bleiben " +
		"macht machte machten machen gemacht ausmachen ausgemacht sich")

	// changeVerbs turn "auf N" into a level after a change and "um N" into
	// the change itself; up or down is their sign.
	changeUp = set("stieg stiegen steigt steigen gestiegen anstieg erhöhte erhöhten erhöht erhöhen wuchs wuchsen " +
		"wächst wachsen gewachsen kletterte kletterten klettert geklettert zulegte zugelegt " +
		"verdoppelte verdoppelt verdreifacht zunahm zugenommen anwuchs angewachsen plus anstieg " +
		"zuwachs wachstum höher verlängerte verlängerten verlängert")
	changeDown = set("sank sanken sinkt sinken gesunken fiel fielen fällt fallen gefallen verringerte verringert " +
		"reduzierte reduziert reduzieren senkte senkten gesenkt schrumpfte schrumpft geschrumpft ging gingen " +
		"zurückging zurückgegangen rückgang minus verlor verloren niedriger halbierte halbiert verkürzte verkürzten verkürzt")

	// changeSeparable are change verbs with their particle: "nahm … zu",
	// "ging … zurück".
	changeSeparable = map[string]struct {
		particle string
		sign     int
	}{"nahm": {"zu", 1}, "nahmen": {"zu", 1}, "nimmt": {"zu", 1}, "legte": {"zu", 1}, "legten": {"zu", 1},
		"legt": {"zu", 1}, "ging": {"zurück", -1}, "gingen": {"zurück", -1}, "geht": {"zurück", -1}}

	// denialWords deny what another source said.
	denialWords = set("bestreitet bestritt bestritten bestreiten dementiert dementierte dementierten dementieren " +
		"dementi leugnet leugnete leugnen geleugnet widerspricht widersprach widersprachen widersprochen " +
		"zurückgewiesen zurückweisen zurückzuweisen abgestritten abstreiten streitet stritt falschmeldung falschmeldungen " +
		"unwahr haltlos erfunden unzutreffend falsch gerüchte")
	// denialSeparable with "zurück" or "ab" at the end of the clause.
	denialSeparable = map[string]string{"weist": "zurück", "wies": "zurück", "weisen": "zurück", "wiesen": "zurück",
		"streitet": "ab", "stritt": "ab", "stritten": "ab"}
	denialPhrases = []string{"es gebe keine", "es gebe keinen", "es gebe kein", "es gibt keine", "es gibt keinen",
		"trifft nicht zu", "treffe nicht zu", "stimmt nicht", "stimme nicht", "entbehrt jeder grundlage",
		"entbehre jeder grundlage", "nicht zutreffend", "keine rede sein", "keine rede", "nichts dran",
		"keine pläne", "keine absicht", "nicht gegeben", "gebe es nicht", "gibt es nicht", "gab es nicht",
		"nicht zur debatte", "nicht zur diskussion", "kein thema"}

	// denialIdiomNouns follow "kein" in phrases of denial: "keine Rede
	// sein", "keine Pläne", "keine Absicht", "kein Thema".
	denialIdiomNouns = set("rede pläne plänen absicht absichten thema")

	// retractionWords take back a plan, an offer, an event or a statement.
	retractionWords = set("abgesagt absagen abzusagen absage rückzieher widerrufen widerruft widerrief widerruf " +
		"zurückgenommen zurücknehmen zurückzunehmen rücknahme verzichtet verzichten verzichtete verzichteten " +
		"verzicht gestoppt stoppt stoppte stoppen gekippt kippt kippte abgeblasen aufgegeben storniert " +
		"aufgekündigt gestrichen zurückgezogen zurückziehen zurückzuziehen aufgehoben aufzuheben geplatzt " +
		"fallengelassen abgesetzt entfällt entfallen ausgefallen fällt")
	// cancelWords say that something will not take place; with a figure
	// they count what was cancelled ("600 Flüge wurden gestrichen"), so
	// only a statement without a figure is a retraction through them.
	cancelWords = set("abgesagt absagen abzusagen absage gestrichen storniert ausgefallen fällt fiel fielen entfällt entfallen sagt sagte sagten")

	// retractionSeparable: "sagt … ab", "nimmt … zurück", "zieht … zurück",
	// "legt … auf Eis", "fällt … aus".
	retractionSeparable = map[string]string{"sagt": "ab", "sagte": "ab", "sagten": "ab", "sagen": "ab",
		"nimmt": "zurück", "nahm": "zurück", "nahmen": "zurück", "nehmen": "zurück",
		"zieht": "zurück", "zog": "zurück", "zogen": "zurück", "ziehen": "zurück",
		"bläst": "ab", "blies": "ab", "gibt": "auf", "gab": "auf", "gaben": "auf", "bricht": "ab", "brach": "ab",
		"hebt": "auf", "hob": "auf", "hoben": "auf", "fällt": "aus", "fiel": "aus", "fielen": "aus", "kündigt": "auf",
		"kündigte": "auf", "setzt": "ab", "setzte": "ab"}
	retractionPhrases = []string{"auf eis gelegt", "auf eis legen", "auf eis", "ad acta", "vom tisch", "abstand genommen",
		"nimmt abstand", "nahm abstand", "nehmen abstand", "abstand nehmen", "doch nicht",
		"fallen gelassen", "fallen lassen", "nicht mehr an", "nicht stattfinden", "findet nicht statt",
		"fände nicht statt", "wird nicht stattfinden"}

	// correctionWords say that an earlier figure was wrong and is replaced.
	correctionWords = set("korrigiert korrigierte korrigierten korrigieren korrektur revidiert revidierte revidierten " +
		"revidieren berichtigt berichtigte berichtigten präzisiert präzisierte")

	// planWords make a claim a plan or an intention.
	planWords = set("will wollen wollte wollten wolle plant planen plante planten geplant geplante geplanten plan " +
		"pläne plänen planung beabsichtigt beabsichtigen beabsichtigte vorhaben vorgesehen vorgesehene " +
		"erwägt erwägen erwog erwogen prüft prüfen prüfte soll sollen solle")
	// announceWords announce or commit: "kündigte an", "versprach",
	// "bietet an".
	announceWords = set("angekündigt ankündigung ankündigte ankündigen versprochen versprach versprachen verspricht " +
		"versprechen zugesagt zusage zusagen zugesichert zusicherung angeboten anbieten anzubieten angebot " +
		"angebots bietet bot boten bieten bereit bereiterklärt beschlossen beschließt beschloss beschlossene " +
		"vereinbart vereinbarung entschieden entscheidung")
	announceSeparable = map[string]string{"kündigt": "an", "kündigte": "an", "kündigten": "an", "bietet": "an",
		"bot": "an", "boten": "an", "sagt": "zu", "sagte": "zu", "sagten": "zu", "stellt": "in aussicht",
		"stellte": "in aussicht"}
	// forecastWords predict.
	forecastWords = set("erwartet erwarten erwartete erwarteten prognostiziert prognostizierte prognose prognosen " +
		"voraussichtlich rechnet rechnen rechnete rechneten vorhergesagt vorhersage geschätzte " +
		"dürfte dürften demnächst bis")

	// incrementWords mark a figure as an addition, not a total.
	incrementWords = set("weitere weiteren weiterer weiteres zusätzliche zusätzlichen zusätzlicher zusätzlich " +
		"erneut nochmals abermals neue neuen neuer neues")

	// neutralModifiers may stand before a measured noun without narrowing
	// it: "insgesamt 500 Beschäftigte", "500 neue Stellen".
	neutralModifiers = set("insgesamt gesamt gesamten gesamte rund etwa knapp fast gut mehr weniger mindestens " +
		"höchstens maximal bis zu über unter ganze ganzen eigene eigenen sogenannte sogenannten gut geschätzte " +
		"geschätzten offizielle offiziellen offiziell bestätigte bestätigten gemeldete gemeldeten registrierte " +
		"registrierten mehrere zahlreiche zahlreichen viele vielen einige einigen wenige wenigen rund weitere " +
		"weiteren zusätzliche zusätzlichen neue neuen bisherige bisherigen aktuelle aktuellen derzeitige derzeitigen " +
		"jährliche jährlichen jährlich durchschnittliche durchschnittlichen durchschnittlicher mittlere mittleren " +
		"gesamte gesamten rechnerische rechnerischen")

	// transparentNouns count what their genitive names: "die Zahl der
	// Toten" measures Tote.
	transparentNouns = set("zahl anzahl gesamtzahl summe menge zahlen")

	// genericHeads are people counted without saying what happened to them;
	// the clause's verb says it: "17 Menschen wurden verletzt" counts
	// Verletzte.
	genericHeads = set("menschen mensch personen person leute")

	// timeNouns after a figure make it a duration, an age or a date.
	timeNouns = set("jahr jahre jahren jahres jahrs monat monate monaten monats woche wochen tag tage tagen tages " +
		"stunde stunden minute minuten sekunde sekunden mal uhr jahrzehnt jahrzehnte jahrzehnten jahrhundert " +
		"jahrhunderts lebensjahr lebensjahren prozentpunkte prozentpunkten uhrzeit quartal quartals halbjahr " +
		"januar februar märz april mai juni juli august september oktober november dezember vormonat vormonats " +
		"vorjahr vorjahres vorjahresmonat vorjahresmonats vorjahreszeitraum vorjahreszeitraums vorwoche vorquartal " +
		"montag dienstag mittwoch donnerstag freitag samstag sonntag wochenende nacht morgen abend vormittag " +
		"nachmittag mittag früh")
)

// units are measures between a figure and what it measures ("800
// Millionen Euro", "5.000 Tonnen Stahl"). The value is the unit's key.
var units = map[string]string{
	"g": "g", "euro": "€", "eur": "€", "€": "€", "dollar": "$", "us-dollar": "$", "$": "$", "franken": "CHF", "pfund": "£",
	"cent": "ct", "rubel": "₽", "yen": "¥", "yuan": "¥",
	"prozent": "%", "%": "%", "promille": "‰",
	"tonnen": "t", "kilogramm": "kg", "kilo": "kg", "kg": "kg", "gramm": "g",
	"kilometer": "km", "kilometern": "km", "km": "km", "meter": "m", "metern": "m", "litern": "l", "tonne": "t", "zentimeter": "cm", "millimeter": "mm", "cm": "cm", "mm": "mm",
	"quadratkilometer": "km²", "quadratmeter": "m²", "hektar": "ha", "kubikmeter": "m³",
	"liter": "l", "barrel": "bbl", "kilowattstunden": "kWh", "megawatt": "MW", "gigawatt": "GW", "kilowatt": "kW",
	"grad": "°", "stundenkilometer": "km/h", "km/h": "km/h",
}

// equivalences are the language's own ways of naming one measured thing:
// a nominalisation and its verb ("Verletzte", "verletzt"), near-synonyms of
// everyday language ("Mitarbeiter", "Beschäftigte"). Each maps a word form
// (lower case, umlauts folded) or its light stem to a class key. They are
// about people counted in news of any kind, not about one topic.
var equivalences = func() map[string]string {
	m := map[string]string{}
	add := func(key, words string) {
		for _, w := range strings.Fields(words) {
			m[foldUmlauts(w)] = key
		}
	}
	add("tot", "tote toten toter totes todesopfer todesopfern getötet getötete getöteten starb starben gestorben "+
		"sterben stirbt umgekommen umgekommene leichen todesfälle todesfällen verstorben verstorbene verstorbenen "+
		"ertrunken ertrunkene tot todesopf todesfall gekeult")
	add("verletzt", "verletzt verletzte verletzten verletzter verwundet verwundete verwundeten verletzung verletzungen")
	add("teilnehm", "teilnehmer teilnehmern teilnehmerinnen teilnehmende teilnehmenden teilgenommen demonstranten "+
		"demonstrantinnen demonstrierende demonstrierenden demonstrierten demonstrieren protestierende "+
		"protestierenden teilnehm demonstrant")
	add("beschäftigt", "beschäftigte beschäftigten mitarbeiter mitarbeitern mitarbeiterinnen mitarbeitende "+
		"mitarbeitenden angestellte angestellten arbeitnehmer arbeitnehmern arbeitnehmerinnen beschäftigt "+
		"beschäftigen beschäftigte mitarbeit angestellt arbeitnehm")
	add("stelle", "stellen stelle arbeitsplätze arbeitsplätzen arbeitsplatz jobs job stell arbeitsplatz")
	add("besucher", "besucher besuchern besucherinnen zuschauer zuschauern zuschauerinnen gäste gästen fans")
	add("fahrzeug", "fahrzeuge fahrzeugen fahrzeug autos auto pkw")
	add("defizit", "defizit defizits fehlbetrag fehlbetrags haushaltsloch finanzloch")
	add("export", "exporte exporten export ausfuhren ausfuhr")
	add("import", "importe importen import einfuhren einfuhr")
	add("vermisst", "vermisst vermisste vermissten verschollen verschollene")
	add("festgenommen", "festgenommen festgenommene festgenommenen festnahmen festnahme verhaftet verhaftete "+
		"verhafteten festnahm")
	add("evakuiert", "evakuiert evakuierte evakuierten evakuiert")
	return m
}()

// verbClasses map the verbs of the classes (by verbKey) to their class:
// "5.000 Menschen nahmen teil" counts Teilnehmer, "arbeiten 900 Menschen"
// Beschäftigte.
var verbClasses = func() map[string]string {
	m := map[string]string{}
	add := func(key, verbs string) {
		for _, v := range strings.Fields(verbs) {
			m[verbKey(v)] = key
		}
	}
	add("tot", "sterben starb starben gestorben töten tötete getötet umkommen umgekommen verstorben ertrinken ertrunken "+
		"keulen keulte gekeult "+ // culled animals are killed
		"ermorden ermordet ermordete ermordeten erschießen erschossen erschlagen erstochen umbringen umgebracht "+
		"verenden verendet verendete verendeten")
	add("verletzt", "verletzen verletzt verletzte verwunden verwundet")
	add("teilnehm", "teilnehmen teilgenommen teilnahmen demonstrieren demonstriert demonstrierten protestieren protestierten "+
		"beteiligen beteiligten beteiligt versammeln versammelten")
	add("beschäftigt", "beschäftigen beschäftigt arbeiten arbeitet arbeiteten")
	add("evakuiert", "evakuieren evakuiert")
	add("festgenommen", "festnehmen festgenommen verhaften verhaftet festsetzen festgesetzt")
	add("vermisst", "vermissen vermisst")
	add("besucher", "besuchen besucht besuchten zuschauen")
	return m
}()

// growVerbs and shrinkVerbs go in opposite directions: "500 Stellen
// geschaffen" is no report of "500 Stellen gestrichen", "1.500 Panzer
// produziert" none of "1.500 Panzer verloren". Keyed by verbKey.
var growVerbs, shrinkVerbs = verbSet("schaffen geschaffen schuf aufbauen aufgebaut gewinnen gewonnen gewann " +
	"produzieren produziert herstellen hergestellt bauen gebaut errichten errichtet eröffnen eröffnet gründen " +
	"gegründet erhöhen erhöht anheben angehoben einführen eingeführt kaufen gekauft übernehmen übernommen"),
	verbSet("streichen gestrichen strich abbauen abgebaut entlassen entließ verlieren verloren verlor zerstören " +
		"zerstört abschießen abgeschossen abfangen abgefangen kürzen gekürzt senken gesenkt schließen geschlossen " +
		"schloss verkaufen verkauft abreißen abgerissen abschaffen abgeschafft")

func verbSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[verbKey(w)] = true
	}
	return m
}

// statusClasses say what happened to people counted: a figure of the dead
// is not one of the injured. Other verbs of a counted crowd ("zogen
// durch", "versammelten sich") count people taking part.
var statusClasses = set("tot verletzt vermisst festgenommen evakuiert beschäftigt")

// compoundable are the classes a compound keeps as its head:
// "Hochwassertote" counts Tote, "Schwerverletzte" Verletzte; "Baustellen"
// are no Stellen.
var compoundable = set("tot verletzt teilnehm besucher vermisst")

// phraseEquivalences are multi-word forms of a class: "ums Leben kommen".
var phraseEquivalences = []struct{ phrase, key string }{
	{"in sicherheit", "evakuiert"}, {"häuser verlassen", "evakuiert"}, {"wohnungen verlassen", "evakuiert"},
	{"ums leben", "tot"}, {"zu tode", "tot"}, {"das leben verloren", "tot"}, {"ihr leben verloren", "tot"}, {"sein leben verloren", "tot"}, {"das leben gekostet", "tot"}, {"leben gekostet", "tot"}, {"in sicherheit gebracht", "evakuiert"},
	{"auf die straße", "teilnehm"}, {"nahmen teil", "teilnehm"}, {"nahm teil", "teilnehm"},
	{"nehmen teil", "teilnehm"}, {"nimmt teil", "teilnehm"}, {"in gewahrsam", "festgenommen"}, {"in haft", "festgenommen"}, {"zu schaden", "verletzt"},
}

// separableParticles close a clause and belong to its verb: "findet …
// statt", "baut … ab".
var separableParticles = set("ab an auf aus bei ein fest fort her hin los mit nach vor weg zu zurück zusammen statt " +
	"teil frei hoch heim dar bereit durch um")

// Word classes of the closed lists, looked up once per word: the rules ask
// about every token of every sentence, and a dozen map lookups per token
// showed in profiles.
const (
	wFunction = 1 << iota
	wCue
	wSeparable // a verb whose particle makes it a cue ("weist … zurück")
	wSource    // a word of sourceHedges: read by findCues, no cue for the roles
	wTrend     // a verb of growing or shrinking, or one a particle makes so (analysis.trend)
	wRunning   // a word of runningWords
	wRevision  // a word of revisionWords
)

var wordClass = func() map[string]uint8 {
	m := map[string]uint8{}
	for _, list := range []map[string]bool{determiners, prepositions, conjunctions, pronouns, auxiliaries, modals, adverbs, negations} {
		for w := range list {
			m[w] |= wFunction
		}
	}
	for _, list := range []map[string]bool{sayVerbs, lightVerbs, changeUp, changeDown, denialWords, retractionWords,
		correctionWords, planWords, announceWords, forecastWords, hedgeWords, subjunctives, incrementWords} {
		for w := range list {
			m[w] |= wCue
		}
	}
	for _, list := range []map[string]string{denialSeparable, retractionSeparable, announceSeparable} {
		for w := range list {
			m[w] |= wSeparable
		}
	}
	for w := range changeSeparable {
		m[w] |= wSeparable
	}
	for w := range sourceHedges {
		m[w] |= wSource
	}
	for w := range runningWords {
		m[w] |= wRunning
	}
	for w := range revisionWords {
		m[w] |= wRevision
	}
	for _, list := range []map[string]bool{trendUp, trendDown, takeForms, set("legte legten legt legen ging gingen geht gehen")} {
		for w := range list {
			m[w] |= wTrend
		}
	}
	return m
}()

// functionWord reports words that never name a thing or an event.
func functionWord(lw string) bool { return wordClass[lw]&wFunction != 0 }
