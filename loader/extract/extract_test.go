package extract

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/geokg/geokg"
	"github.com/geokg/geokg/loader"
	"github.com/geokg/geokg/loader/kb"
)

// extractOne extracts an article published on date; blank lines part its
// paragraphs.
func extractOne(t *testing.T, date, body string) geokg.Facts {
	t.Helper()
	items := loader.Parse("test", "jsonl", []byte(`{"id": "t", "title": "Test", "body": `+quote(body)+`, "published": "`+date+`"}`), loader.ReadOptions{})
	if items[0].Err != nil {
		t.Fatal(items[0].Err)
	}
	return mustExtractor(t).Extract(items[0].Article)
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestEventCoding(t *testing.T) {
	cases := []struct {
		name, date, text string
		typ              string
		actor            string
		targets          []string
		about            []string
		location         string
		moreActors       []string
	}{
		{"MeetingWithTitlesAndPlace", "2017-04-12",
			"Secretary of State Rex Tillerson met Russian President Vladimir Putin and Foreign Minister Sergey Lavrov in Moscow on Wednesday.",
			"CONSULT", "person:rex-tillerson", []string{"person:vladimir-putin", "person:sergey-lavrov"}, nil, "location:moscow", nil},
		{"DemonymBeforeConflictIsNoTarget", "2017-04-12",
			"Rex Tillerson repeated accusations of a Syrian gas attack and of Russian complicity.",
			"ACCUSE", "person:rex-tillerson", []string{"country:russia"}, []string{"conflict:khan-shaykhun-chemical-attack"}, "", nil},
		{"EndedStateIsNoActor", "2018-03-26",
			"The British government said the agent was developed in the Soviet Union, and it has accused Russia of the attack.",
			"ACCUSE", "country:united-kingdom", []string{"country:russia"}, nil, "", nil},
		{"PlaceIsNoTarget", "2018-07-16",
			"Vladimir Putin met Donald Trump in Helsinki.",
			"CONSULT", "person:vladimir-putin", []string{"person:donald-trump"}, nil, "location:helsinki", nil},
		{"CapitalAsActorIsItsCountry", "2018-03-26",
			"Moscow rejected the British accusations and expelled diplomats from London.",
			"REJECT", "country:russia", []string{"country:united-kingdom"}, nil, "location:london", nil},
		{"CapitalAfterInIsAPlace", "2017-04-12",
			"Rex Tillerson met Sergey Lavrov in Moscow.",
			"CONSULT", "person:rex-tillerson", []string{"person:sergey-lavrov"}, nil, "location:moscow", nil},
		{"QuotedWordsAreTheSpeakers", "2018-03-26",
			`Theresa May said Britain would act. "We reject these claims," Sergey Lavrov told reporters.`,
			"REJECT", "person:sergey-lavrov", nil, nil, "", nil},
		{"SpeakerUnknownToTheKnowledgeBase", "2018-03-27",
			"Foreign Ministry spokeswoman Elvira Nabiullina-Test said Moscow would retaliate. Olga Testova said she condemned Britain.",
			"DISAPPROVE", "person:olga-testova", []string{"country:united-kingdom"}, nil, "", nil},
		{"PronounSubjectIsTheLastPersonNamed", "1995-09-06",
			"Prime Minister Tomiichi Murayama spoke to reporters in Tokyo. He urged France to halt the tests.",
			"APPEAL", "person:tomiichi-murayama", []string{"country:france"}, nil, "", nil},
		{"AsideBeforeTheVerbIsSkipped", "2006-07-26",
			"Kofi Annan, speaking after talks with Israel, urged Hezbollah to free the soldiers.",
			"APPEAL", "person:kofi-annan", []string{"org:hezbollah"}, nil, "", nil},
		{"AppositiveNamesTheSubject", "2020-11-10",
			"Armenia's prime minister, Nikol Pashinyan, signed an agreement with Azerbaijan.",
			"DIPLOMATIC_COOPERATION", "person:nikol-pashinyan", []string{"country:azerbaijan"}, nil, "", nil},
		{"OfficialReportsHisGovernmentsAct", "2019-01-24",
			"Chrystia Freeland said on Wednesday that Ottawa recognised Juan Guaidó.",
			"DIPLOMATIC_COOPERATION", "person:chrystia-freeland", []string{"person:juan-guaido"}, nil, "", nil},
		{"ForeignSpeakerDoesNotTakeTheAct", "2018-04-14",
			"Sergey Lavrov said Washington struck Syria.",
			"FIGHT", "country:united-states", []string{"country:syria"}, nil, "", nil},
		{"CentralAsianCapitalsAsActors", "2022-09-16",
			"Kyrgyz and Tajik officials met in Dushanbe. Dushanbe accused Bishkek of shelling border villages.",
			"ACCUSE", "country:tajikistan", []string{"country:kyrgyzstan"}, nil, "", nil},
		{"KremlinAsActorIsRussia", "2022-04-04",
			"The Kremlin denied involvement and blamed Ukraine.",
			"ACCUSE", "country:russia", []string{"country:ukraine"}, nil, "", nil},
		{"CoordinatedActors", "2001-10-08",
			"American and British forces attacked the Taliban on Sunday.",
			"FIGHT", "country:united-kingdom", []string{"org:taliban"}, nil, "", []string{"country:united-states"}},
		{"MeetingOfAPairStartsWithTheFirst", "2018-07-16",
			"Donald Trump and Vladimir Putin met in Helsinki.",
			"CONSULT", "person:donald-trump", []string{"person:vladimir-putin"}, nil, "location:helsinki", nil},
		{"TheAttackIsWhoeverAttacked", "2017-04-07",
			"The United States struck the Shayrat air base. Russia condemned the strike.",
			"DISAPPROVE", "country:russia", []string{"country:united-states"}, nil, "", nil},
		{"ANounIsNoTrigger", "1999-04-12",
			"Slobodan Milosevic rejected the demands and accused NATO of aggression.",
			"REJECT", "person:slobodan-milosevic", nil, nil, "", nil},
		{"OpposingPartiesAtWarAreAboutTheWar", "2022-02-24",
			"Russia invaded Ukraine before dawn.",
			"FIGHT", "country:russia", []string{"country:ukraine"}, []string{"conflict:russian-invasion-of-ukraine"}, "", nil},
		{"VerbAfterAndSharesTheSubject", "2006-07-26",
			"Saud al-Faisal met Condoleezza Rice and pressed Washington to restrain Israel.",
			"APPEAL", "person:saud-al-faisal", []string{"country:united-states"}, nil, "", nil},
		{"ParticipleAfterACommaSharesTheSubject", "2003-03-20",
			"Jean Chrétien told parliament that Canada would stay out of the war without a UN mandate, turning down Washington's request.",
			"REJECT", "person:jean-chretien", []string{"country:united-states"}, nil, "", nil},
		{"TheModifiedAttackIsWhoeverAttacked", "2013-01-14",
			"French jets struck Islamist positions in Mali. Algeria deplored the air strikes.",
			"DISAPPROVE", "country:algeria", []string{"country:france"}, nil, "", nil},
		{"ObjectPronounIsThePersonLastNamed", "1998-05-14",
			"Bill Clinton telephoned Nawaz Sharif on Wednesday and urged him not to answer with tests.",
			"APPEAL", "person:bill-clinton", []string{"person:nawaz-sharif"}, nil, "", nil},
		{"PassiveWithAgentIsTheAgentsAct", "2006-07-26",
			"Hezbollah was accused by Israel of firing rockets.",
			"ACCUSE", "country:israel", []string{"org:hezbollah"}, nil, "", nil},
		{"CapitalAfterRecallIsItsGovernment", "1995-09-06",
			"Australia recalled its ambassador from Paris on Wednesday.",
			"REDUCE_RELATIONS", "country:australia", []string{"country:france"}, nil, "", nil},
		{"AndWithoutAnEarlierVerbTakesTheSubject", "2025-02-20",
			"David Lammy told the ministers that there could be no peace without Ukraine and called on Moscow to withdraw.",
			"APPEAL", "person:david-lammy", []string{"country:russia"}, nil, "", nil},
		{"PronounTakesUpThePreviousSubject", "2019-01-24",
			"Mike Pompeo said Washington did not accept the authority of Nicolás Maduro. He called on Maduro to step aside.",
			"APPEAL", "person:mike-pompeo", []string{"person:nicolas-maduro"}, nil, "", nil},
		{"TheAllianceIsTheAllianceNamedBefore", "1995-08-30",
			"NATO warplanes struck Pale. Andrei Kozyrev urged the alliance to stop at once.",
			"APPEAL", "person:andrei-kozyrev", []string{"org:nato"}, nil, "", nil},
		{"TheKingdomIsTheKingdomNamedBefore", "2018-08-08",
			"Saudi Arabia expelled the Canadian ambassador. Canada had urged the kingdom to free jailed activists.",
			"APPEAL", "country:canada", []string{"country:saudi-arabia"}, nil, "", nil},
		{"TheCourtIsTheCourtNamedBefore", "2024-11-22",
			"The International Criminal Court issued arrest warrants for Benjamin Netanyahu. Argentina disagreed with the court.",
			"DISAPPROVE", "country:argentina", []string{"org:icc"}, nil, "", nil},
		{"RelativePronounTakesUpTheNameBefore", "2021-08-16",
			"Russia blamed the Taliban, who attacked Kabul on Sunday.",
			"FIGHT", "org:taliban", []string{"location:kabul"}, nil, "location:kabul", nil},
		{"CalledOnWithoutToIsAVisit", "2022-04-01",
			"Sergey Lavrov later called on Prime Minister Narendra Modi.",
			"CONSULT", "person:sergey-lavrov", []string{"person:narendra-modi"}, nil, "", nil},
		{"CalledOnWithToIsAnAppeal", "2022-04-01",
			"Sergey Lavrov called on Narendra Modi to resist Western pressure.",
			"APPEAL", "person:sergey-lavrov", []string{"person:narendra-modi"}, nil, "", nil},
		{"NotAcceptingIsRejecting", "2019-01-24",
			"Mike Pompeo said Washington did not accept the authority of Nicolás Maduro.",
			"REJECT", "person:mike-pompeo", []string{"person:nicolas-maduro"}, nil, "", nil},
		{"MeetingAsAnAsideIsTheSubjectsMeeting", "2016-07-13",
			"Xi Jinping, meeting Donald Tusk in Beijing, said China would not yield.",
			"CONSULT", "person:xi-jinping", []string{"person:donald-tusk"}, nil, "location:beijing", nil},
		{"ShowOfForceWithWordsBetween", "2017-09-03",
			"North Korea carried out its sixth and most powerful nuclear test on Sunday.",
			"FORCE_POSTURE", "country:north-korea", nil, nil, "", nil},
		{"CondemningTheTestIsAgainstWhoeverTested", "1998-05-14",
			"India exploded two more nuclear devices on Wednesday. China condemned the blasts.",
			"DISAPPROVE", "country:china", []string{"country:india"}, nil, "", nil},
		{"PossessiveBeforeANounIsItsActor", "2017-04-12",
			"Rex Tillerson conceded that his repeated accusations of Russian complicity rested on no firm evidence.",
			"ACCUSE", "person:rex-tillerson", []string{"country:russia"}, nil, "", nil},
		{"AppositionOfTheSubjectIsAnAside", "2000-07-26",
			"Saeb Erekat, the chief Palestinian negotiator, rejected the offer on Wednesday.",
			"REJECT", "person:saeb-erekat", nil, nil, "", nil},
		{"AppositionOfTheTargetIsNoTarget", "2000-07-26",
			"Bill Clinton faulted Yasser Arafat, the Palestinian leader, for moving less.",
			"DISAPPROVE", "person:bill-clinton", []string{"person:yasser-arafat"}, nil, "", nil},
		{"TheNorthIsTheNorthNamedBefore", "2010-05-24",
			"Lee Myung-bak cut trade with North Korea. Lee demanded an apology from the North.",
			"DEMAND", "person:lee-myung-bak", []string{"country:north-korea"}, nil, "", nil},
		{"CalledOnWithADateBeforeToIsAnAppeal", "2002-04-15",
			"Hugo Chávez called on Colombia on Sunday to stay calm.",
			"APPEAL", "person:hugo-chavez", []string{"country:colombia"}, nil, "", nil},
		{"TitledNameWithParticles", "2017-06-07",
			"Emir Tamim al-Nahyan al-Fahim flew to Jeddah to meet Salman bin Abdulaziz.",
			"CONSULT", "person:tamim-al-nahyan-al-fahim", []string{"person:salman-bin-abdulaziz"}, nil, "location:jeddah", nil},
		{"CapitalAfterToIsItsGovernment", "1998-08-21",
			"Pakistan protested to Washington that the missiles had crossed its airspace without warning.",
			"DISAPPROVE", "country:pakistan", []string{"country:united-states"}, nil, "", nil},
		{"ItAfterAReactionIsTheActJustReported", "1998-08-21",
			"American cruise missiles struck Khartoum on Thursday. Tony Blair backed it on Thursday night.",
			"DIPLOMATIC_COOPERATION", "person:tony-blair", []string{"country:united-states"}, nil, "", nil},
		{"TalksAfterARefusalAreItsObject", "1999-07-06",
			"Jaswant Singh ruled out any talks with Islamabad.",
			"REJECT", "person:jaswant-singh", nil, nil, "", nil},
		{"AndWithATimePhraseSharesTheSubject", "2016-07-16",
			"Recep Tayyip Erdoğan blamed the plot on Fethullah Gülen and later in the day called on Washington to extradite him.",
			"APPEAL", "person:recep-tayyip-erdogan", []string{"country:united-states"}, nil, "", nil},
		{"CountryAfterInIsWhereNotWhom", "2016-07-16",
			"Barack Obama urged all parties in Turkey to support the elected government.",
			"APPEAL", "person:barack-obama", nil, nil, "", nil},
		{"ObjectPronounTakesUpTheMoreNamedPerson", "1991-12-27",
			"Mikhail Gorbachev resigned on Wednesday. Gorbachev had ended the Cold War. George Bush met Gorbachev in July. John Major praised him on Friday.",
			"DIPLOMATIC_COOPERATION", "person:john-major", []string{"person:mikhail-gorbachev"}, nil, "", nil},
		{"ObjectPronounTakesUpThePreviousSubject", "2004-12-04",
			"Leonid Kuchma spoke. Vladimir Putin dismissed a repeat of the runoff. Kuchma flew to Moscow to meet him.",
			"CONSULT", "person:leonid-kuchma", []string{"person:vladimir-putin"}, nil, "location:moscow", nil},
		{"ParticipleAfterAfterSharesTheSubject", "2025-06-24",
			"Iran fired missiles at Israel, which houses American forces, after warning of the attack in advance.",
			"THREATEN", "country:iran", nil, nil, "", nil},
		{"ItIsTheBodyThatSpeaks", "2010-05-24",
			"The White House said it fully supported the measures of Lee Myung-bak.",
			"DIPLOMATIC_COOPERATION", "country:united-states", []string{"person:lee-myung-bak"}, nil, "", nil},
		{"ItsOpeningASentenceIsThePreviousSubject", "2010-05-24",
			"China has not accepted the findings. Its foreign ministry urged all sides to stay calm.",
			"APPEAL", "country:china", nil, nil, "", nil},
		{"PresentTenseOfALiveBlog", "2015-02-12",
			"14:05 - Petro Poroshenko condemns Russia and severs ties with Moscow.",
			"REDUCE_RELATIONS", "person:petro-poroshenko", []string{"country:russia"}, nil, "", nil},
		{"AsAloneEndsTheTargets", "2019-01-24",
			"Nicolás Maduro cut ties with Washington as Juan Guaidó won backing.",
			"REDUCE_RELATIONS", "person:nicolas-maduro", []string{"country:united-states"}, nil, "", nil},
		{"AsWellAsJoinsTargets", "2019-01-24",
			"Nicolás Maduro cut ties with Colombia as well as Panama.",
			"REDUCE_RELATIONS", "person:nicolas-maduro", []string{"country:colombia", "country:panama"}, nil, "", nil},
		{"ANameRightAfterATargetIsNoSecondTarget", "2002-10-14",
			"George W. Bush offered Indonesia American help in hunting down those responsible.",
			"INTENT_TO_COOPERATE", "person:george-w-bush", []string{"country:indonesia"}, nil, "", nil},
		{"AnAgreementWithWordsBetween", "2019-06-08",
			"Vladimir Putin signed a new ten-year gas agreement with Xi Jinping on Friday.",
			"DIPLOMATIC_COOPERATION", "person:vladimir-putin", []string{"person:xi-jinping"}, nil, "", nil},
		{"SurnameAfterFullName", "2014-03-18",
			"Barack Obama spoke to reporters. Obama condemned Russia.",
			"DISAPPROVE", "person:barack-obama", []string{"country:russia"}, nil, "", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := extractOne(t, c.date, c.text)
			for _, ev := range f.Events {
				if ev.Type != c.typ {
					continue
				}
				want := append([]string{c.actor}, c.moreActors...)
				got := ev.IDsWithRole(geokg.RoleActor)
				slices.Sort(want)
				slices.Sort(got)
				if !slices.Equal(got, want) {
					t.Errorf("actors: got %v, want %v", got, want)
				}
				if got := ev.IDsWithRole(geokg.RoleTarget); !slices.Equal(got, c.targets) {
					t.Errorf("targets: got %v, want %v", got, c.targets)
				}
				if c.about != nil && !slices.Equal(ev.About, c.about) {
					t.Errorf("about: got %v, want %v", ev.About, c.about)
				}
				if ev.Location != c.location {
					t.Errorf("location: got %q, want %q", ev.Location, c.location)
				}
				return
			}
			t.Fatalf("no %s event in %+v", c.typ, f.Events)
		})
	}
}

func TestNoEventWithoutActor(t *testing.T) {
	f := extractOne(t, "2017-04-12", "The demand for evidence was a big talking point.")
	if len(f.Events) != 0 {
		t.Fatalf("got %+v, want no events", f.Events)
	}
}

func TestDateAfterConflictDatesTheConflictNotTheEvent(t *testing.T) {
	f := extractOne(t, "2017-04-12", "Rex Tillerson repeated accusations of a Syrian gas attack last week against Russia.")
	for _, ev := range f.Events {
		if ev.Type == "ACCUSE" {
			if ev.Date != "2017-04-12" {
				t.Errorf("date: got %s, want 2017-04-12 (the accusation's day)", ev.Date)
			}
			if !slices.Equal(ev.About, []string{"conflict:khan-shaykhun-chemical-attack"}) {
				t.Errorf("about: got %v, want the Khan Shaykhun attack (dated by 'last week')", ev.About)
			}
			return
		}
	}
	t.Fatalf("no ACCUSE event in %+v", f.Events)
}

func TestNotEveryCapitalisedPairIsAPerson(t *testing.T) {
	f := extractOne(t, "2022-03-01", "The Russian Defence Ministry said troops advanced. On Monday Western Officials said little. Kyiv Independent reported it.")
	for _, e := range f.Entities {
		if e.Kind == geokg.KindPerson {
			t.Errorf("got person %q (%s), want none", e.Name, e.ID)
		}
	}
}

func TestSurnameResolvesByOfficeAtTheArticleDate(t *testing.T) {
	cases := []struct{ date, want string }{
		{"2003-03-20", "person:george-w-bush"},
		{"1991-01-17", "person:george-h-w-bush"},
	}
	for _, c := range cases {
		f := extractOne(t, c.date, "Bush addressed the nation.")
		var got []string
		for _, m := range f.Mentions {
			got = append(got, m.EntityID)
		}
		if !slices.Equal(got, []string{c.want}) {
			t.Errorf("%s: got %v, want [%s]", c.date, got, c.want)
		}
	}
}

// A capitalised word that is also the surname of someone in office is a
// person only where it acts as one.
func TestBareSurnameNeedsAPersonsPlace(t *testing.T) {
	cases := []struct{ name, date, text, want string }{
		{"MonthIsNoSurname", "2017-09-10", "The talks resumed in May after a pause.", ""},
		{"SentenceInitialNoun", "2008-09-10", "Brown envelopes were found in the office.", ""},
		{"SentenceInitialSpeaker", "2008-09-10", "Brown said the talks would go on.", "person:gordon-brown"},
		{"SentenceInitialPossessive", "2008-09-10", "Brown's office declined to comment.", "person:gordon-brown"},
		{"SentenceInitialPastTense", "2003-03-20", "Bush addressed the nation.", "person:george-w-bush"},
		{"MonthNameWithoutTitle", "2017-09-10", "The deal was backed by May and her cabinet.", ""},
		{"MidSentence", "2008-09-10", "The deal was backed by Brown and his cabinet.", "person:gordon-brown"},
		{"TitledMonthNameIsAPerson", "2017-09-10", "Prime Minister May met the Irish leader.", "person:theresa-may"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, m := range extractOne(t, c.date, c.text).Mentions {
				if strings.HasPrefix(m.EntityID, "person:") {
					got = append(got, m.EntityID)
				}
			}
			want := []string{}
			if c.want != "" {
				want = []string{c.want}
			}
			if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
}

func TestAmbiguousNameFollowsItsCompany(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"CountryNearRussia", "Russian troops entered Georgia and Mikheil Saakashvili appealed for help.", "country:georgia"},
		{"StateNearTheUS", "Voters in Georgia and across the United States went to the polls in Atlanta.", "location:georgia-us-state"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := extractOne(t, "2008-08-09", c.text)
			var got []string
			for _, m := range f.Mentions {
				if strings.HasSuffix(m.EntityID, "georgia") || strings.HasPrefix(m.EntityID, "location:georgia") {
					got = append(got, m.EntityID)
				}
			}
			if !slices.Equal(got, []string{c.want}) {
				t.Errorf("got %v, want [%s]", got, c.want)
			}
		})
	}
}

func TestSurnameSkipsGenerationalSuffixes(t *testing.T) {
	for name, want := range map[string]string{
		"Ferdinand Marcos Jr.": "Marcos", "Benigno Aquino III": "Aquino", "Abdullah II": "", "Joe Biden": "Biden", "Xi": "",
	} {
		if got := surname(name); got != want {
			t.Errorf("surname(%q): got %q, want %q", name, got, want)
		}
	}
	f := extractOne(t, "2023-05-08", "Veterans marked the end of World War II in Europe.")
	for _, m := range f.Mentions {
		if strings.HasPrefix(m.EntityID, "person:") {
			t.Errorf("got person %s in a sentence about World War II", m.EntityID)
		}
	}
}

func TestRoleBoundsCoverTheirWholeMonthOrYear(t *testing.T) {
	r := &kb.Role{Since: "1990-03", Until: "1991-08"}
	for day, want := range map[string]bool{"1990-03-01": true, "1991-08-15": true, "1991-08-31": true, "1991-09-01": false, "1990-02-28": false} {
		if got := heldOn(r, day); got != want {
			t.Errorf("heldOn(1990-03..1991-08, %s): got %v, want %v", day, got, want)
		}
	}
	if !heldOn(&kb.Role{Until: "2016"}, "2016-12-31") {
		t.Errorf("a term until 2016 was not held on 2016-12-31")
	}
}

func TestTitlesMatchWrittenEitherWay(t *testing.T) {
	if !sameTitle("Secretary-General", "Secretary General") || !sameTitle("prime minister", "Prime Minister") || sameTitle("President", "Vice President") {
		t.Errorf("sameTitle does not treat hyphens and case as the same title")
	}
	f := extractOne(t, "2010-03-01", "UN Secretary-General Ban Ki-moon urged restraint.")
	var roles []string
	for _, r := range f.Relations {
		if r.Type == geokg.RelHoldsRole && r.Source == "article" {
			roles = append(roles, r.From+" "+r.Title+" "+r.To)
		}
	}
	if want := []string{"person:ban-ki-moon Secretary General org:un"}; !slices.Equal(roles, want) {
		t.Errorf("got roles %v, want %v", roles, want)
	}
}

func TestCapitalisedWordAfterASurnameMakesItAFirstName(t *testing.T) {
	// John Howard was Australia's prime minister in 2004; Howard Dean is
	// someone else.
	f := extractOne(t, "2004-01-20", "The crowd cheered when Howard Dean spoke in Iowa.")
	for _, m := range f.Mentions {
		if m.EntityID == "person:john-howard" {
			t.Errorf("Howard Dean read as John Howard")
		}
	}
	f = extractOne(t, "2004-01-20", "The deal was backed by Howard and his cabinet.")
	found := false
	for _, m := range f.Mentions {
		found = found || m.EntityID == "person:john-howard"
	}
	if !found {
		t.Errorf("a bare Howard in 2004 is not John Howard")
	}
}

// TestTriggerAtTheStartOfASentence guards the check for a trigger right
// after another: a sentence may begin with one.
func TestTriggerAtTheStartOfASentence(t *testing.T) {
	for _, text := range []string{"Condemned by Russia, the strike went ahead.", "Met with silence, Britain left.", "Urged on, France rejected calls for talks."} {
		extractOne(t, "2018-04-14", text)
	}
	f := extractOne(t, "2006-07-26", "Condoleezza Rice rejected calls for an immediate truce.")
	for _, ev := range f.Events {
		if ev.Type == "APPEAL" {
			t.Errorf("got an APPEAL from %v in a rejection of calls for a truce", ev.Participants)
		}
	}
}

func TestPeoplesAndLaterConflictsAreNotMentions(t *testing.T) {
	cases := []struct{ name, date, text, notWanted string }{
		{"EthnicGroupIsNotTheCountry", "1995-08-30", "Bosnian Serb forces shelled Sarajevo.", "country:bosnia-and-herzegovina"},
		{"WarAfterTheArticleIsNotMeant", "2009-01-10", "Israel's offensive in Gaza entered its third week.", "conflict:israel-hamas-war"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := extractOne(t, c.date, c.text)
			for _, ev := range f.Events {
				for _, p := range ev.Participants {
					if p.ID == c.notWanted {
						t.Errorf("%s takes part in %s", c.notWanted, ev.Type)
					}
				}
				if slices.Contains(ev.About, c.notWanted) {
					t.Errorf("%s is about %s", ev.Type, c.notWanted)
				}
			}
			for _, m := range f.Mentions {
				if m.EntityID == c.notWanted && strings.HasPrefix(c.notWanted, "conflict:") {
					t.Errorf("mentions %s", c.notWanted)
				}
			}
		})
	}
	f := extractOne(t, "2019-05-01", "Washington could impose sanctions on Caracas.")
	for _, ev := range f.Events {
		if ev.Type == "COERCE" {
			t.Errorf("got a COERCE event from what could happen")
		}
	}
}

func TestClauseAfterADurationIsDatedBackFromTheSentence(t *testing.T) {
	cases := []struct {
		name, text, typ, date string
	}{
		{"DaysAfter", "Brazil called for a ceasefire in Libya on Monday, two days after France struck Libyan air defences.", "FIGHT", "2011-03-19"},
		{"MainClauseKeepsItsDate", "Brazil called for a ceasefire in Libya on Monday, two days after France struck Libyan air defences.", "APPEAL", "2011-03-21"},
		{"ADayAfter", "Australia condemned France on Monday, a day after France struck Libya.", "FIGHT", "2011-03-20"},
		{"WeeksBefore", "Russia accused Ukraine on Monday, two weeks before Ukraine attacked Russia.", "FIGHT", "2011-04-04"},
		{"PronounInTheClauseIsTheSubject", "Sergey Lavrov met Wang Yi on Thursday, two days after he met Marco Rubio in Riyadh.", "CONSULT", "2011-03-17|2011-03-15"},
		{"ListOfNamesStaysInTheClause", "Brazil called for a ceasefire on Monday, two days after the United States, Britain and France struck Libya.", "FIGHT", "2011-03-19"},
		{"TheSameDayIsTheDayBefore", "Cristina Fernández de Kirchner accused Britain on Thursday.\n\nDavid Cameron rejected the call the same day.", "REJECT", "2011-03-17"},
		{"NextSentenceOfTheParagraphGoesOn", "Barack Obama met Dilma Rousseff on Saturday. He praised Brazil as a rising power.", "DIPLOMATIC_COOPERATION", "2011-03-19"},
		{"NewParagraphDoesNotGoOn", "Barack Obama met Dilma Rousseff on Saturday.\n\nHe praised Brazil as a rising power.", "DIPLOMATIC_COOPERATION", "2011-03-21"},
		{"DeadlineIsNoDate", "Jacques Chirac rejected calls for a halt and said the tests would end by the end of May.", "REJECT", "2011-03-21"},
		{"EachClauseItsOwnDate", "Vojislav Koštunica on Sunday accused Washington of creating a false state, and Serbia recalled its ambassador from the United States on Monday.", "REDUCE_RELATIONS", "2011-03-21"},
		{"TheFirstClauseKeepsItsDate", "Vojislav Koštunica on Sunday accused Washington of creating a false state, and Serbia recalled its ambassador from the United States on Monday.", "ACCUSE", "2011-03-20"},
		{"ADateWithItsYearAfterAComma", "Three years after Russia invaded Ukraine on February 24, 2022, Europe is divided.", "FIGHT", "2022-02-24"},
		{"ADeadlineIsNoDate", "Bashar al-Assad on Sunday agreed to step down by October 15.", "YIELD", "2011-03-20"},
		{"LeadingClauseIsNotShifted", "Two days after the strike, Russia condemned France.", "DISAPPROVE", "2011-03-21"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := extractOne(t, "2011-03-21", c.text)
			var got []string
			for _, ev := range f.Events {
				if ev.Type == c.typ {
					got = append(got, ev.Date)
				}
			}
			if want := strings.Split(c.date, "|"); !slices.Equal(got, want) {
				t.Errorf("%s events dated %v, want %v (%+v)", c.typ, got, want, f.Events)
			}
		})
	}
}

func TestPassiveWithoutAgentIsNoEvent(t *testing.T) {
	f := extractOne(t, "1995-08-30", "John Major said the Bosnian Serbs had been warned many times.")
	for _, ev := range f.Events {
		if ev.Type == "THREATEN" {
			t.Errorf("a passive threat with no one named as threatening became %+v", ev)
		}
	}
}

func TestPronounInASubordinateClauseIsTheSubject(t *testing.T) {
	f := extractOne(t, "2025-02-20", "Sergey Lavrov met Wang Yi on Thursday, two days after he met Marco Rubio in Riyadh.")
	var got []string
	for _, ev := range f.Events {
		got = append(got, fmt.Sprintf("%s %v -> %v %s", ev.Type, ev.IDsWithRole(geokg.RoleActor), ev.IDsWithRole(geokg.RoleTarget), ev.Date))
	}
	want := []string{
		"CONSULT [person:sergey-lavrov] -> [person:wang-yi] 2025-02-20",
		"CONSULT [person:sergey-lavrov] -> [person:marco-rubio] 2025-02-18",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestDescriptionWithNothingToReferToIsNoMention(t *testing.T) {
	for _, text := range []string{
		"Russia criticised the court.",                // no court named before
		"Italy joined the Council of Europe in 1949.", // part of a name
		"The alliance met.",                           // sentence-initial and nothing before
	} {
		f := extractOne(t, "2024-01-01", text)
		for _, m := range f.Mentions {
			if e, ok := kbEntity(f, m.EntityID); ok && e.Kind == geokg.KindOrganization && !strings.Contains(text, e.Name) {
				t.Errorf("%q: mentions %s", text, m.EntityID)
			}
		}
	}
}

func kbEntity(f geokg.Facts, id string) (geokg.Entity, bool) {
	for _, e := range f.Entities {
		if e.ID == id {
			return e, true
		}
	}
	return geokg.Entity{}, false
}

func TestRelativeClauseOfAThingIsNoOnesAct(t *testing.T) {
	f := extractOne(t, "2014-11-16", "Tony Abbott raised the downing of Malaysia Airlines flight MH17, which killed 38 Australians, with Vladimir Putin.")
	for _, ev := range f.Events {
		if ev.Type == "ASSAULT" || ev.Type == "FIGHT" || ev.Type == "MASS_VIOLENCE" {
			t.Errorf("the flight's downing became an act of someone named: %+v", ev)
		}
	}
}

func TestNegatedActIsNoEvent(t *testing.T) {
	for _, text := range []string{
		"Willy Claes said the raids would go on until the Bosnian Serbs no longer threatened Sarajevo.",
		"Moon Jae-in said North Korea had not attacked South Korea.",
	} {
		for _, ev := range extractOne(t, "1995-08-30", text).Events {
			if ev.Type == "THREATEN" || ev.Type == "ASSAULT" || ev.Type == "FIGHT" {
				t.Errorf("%q: a denied act became %+v", text, ev)
			}
		}
	}
}

func TestOneVerbTwoAddresseesStayTwoEvents(t *testing.T) {
	f := extractOne(t, "2006-07-26", "Kofi Annan urged Israel to stop its bombardment and called on Hezbollah to halt its rocket fire.")
	var got []string
	for _, ev := range f.Events {
		got = append(got, fmt.Sprintf("%s %v -> %v", ev.Type, ev.IDsWithRole(geokg.RoleActor), ev.IDsWithRole(geokg.RoleTarget)))
	}
	want := []string{"APPEAL [person:kofi-annan] -> [country:israel]", "APPEAL [person:kofi-annan] -> [org:hezbollah]"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestBareParticipleAfterWhenIsNoAct(t *testing.T) {
	f := extractOne(t, "2017-04-12", "Rex Tillerson admitted when pressed that Syria had no proof.")
	for _, ev := range f.Events {
		if ev.Type == "APPEAL" {
			t.Errorf("'when pressed' became %+v", ev)
		}
	}
}

func TestAppositionsNamePeopleTheKnowledgeBaseLacks(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"RoleAfterTheName", "Samir Ouadghiri, the chief Palestinian negotiator, rejected the offer.", []string{"person:samir-ouadghiri"}},
		{"PossessiveRoleAfterTheName", "Ilse Marwick, the European Community's mediator, accused the deputies.", []string{"person:ilse-marwick"}},
		{"RoleBeforeTheName", "Pakistan expelled India's high commissioner, Tomas Verhoeven.", []string{"person:tomas-verhoeven"}},
		{"RoleBeforeTwoNames", "Police detained two former chief ministers, Kavya Rennard and Omar Feldane, on Monday.", []string{"person:kavya-rennard", "person:omar-feldane"}},
		{"WhoAfterTheName", "We asked Aminata Koné, who studies security in Dakar.", []string{"person:aminata-kone"}},
		{"ClericAfterTheName", "Abu Hamza Tiwari, the cleric whom Singapore named as its leader, denies any part.", []string{"person:abu-hamza-tiwari"}},
		{"NotAPlaceBeforeAnApposition", "They met in San José, the capital, on Friday.", nil},
		{"PredicateSaysWhatTheyAre", "Aidar Temirbekov is no longer president of Kyrgyzstan.", []string{"person:aidar-temirbekov"}},
		{"NotAPlaceSaidToBeACapital", "Santo Domingo is the capital of the Dominican Republic.", nil},
		{"NotAPrepositionBeforeAName", "For Narendra Modi, who faces an election, the cost is small.", nil},
		{"NotAnOrganization", "The Rio Group, which met in Costa Rica, condemned the coup.", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := extractOne(t, "2020-01-01", c.text)
			var got []string
			for _, e := range f.Entities {
				if e.Kind == geokg.KindPerson && e.Source == "article" {
					got = append(got, e.ID)
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, c.want) {
				t.Errorf("new people: got %v, want %v", got, c.want)
			}
		})
	}
}

func TestCapitalAfterAPlacePrepositionIsThePlace(t *testing.T) {
	for _, text := range []string{
		"The plane was shot down over Kigali.",
		"Soldiers patrolled the streets of Kigali.",
		"Rebels fought their way through Kigali.",
	} {
		f := extractOne(t, "1994-04-23", text)
		var ids []string
		for _, m := range f.Mentions {
			ids = append(ids, m.EntityID)
		}
		if !slices.Contains(ids, "location:kigali") || slices.Contains(ids, "country:rwanda") {
			t.Errorf("%q: mentions %v, want the city and not its government", text, ids)
		}
	}
}

func TestGeneratedCitiesOnlyWhereTheyStandAlone(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"Soldiers are on the streets of Yangon.", true},
		{"Protesters marched in Kaohsiung on Sunday.", true},
		{"Greek Prime Minister Constantine Mitsotakis flew to Pale.", false},
		{"Fishermen were kept away from Scarborough Shoal.", false},
		{"A torpedo sank the Cheonan in March.", false},
	}
	for _, c := range cases {
		f := extractOne(t, "2021-02-01", c.text)
		got := false
		for _, e := range f.Entities {
			if e.Kind == geokg.KindLocation {
				if l, ok := mustExtractor(t).kb.Location(e.ID); ok && l.Generated {
					got = true
				}
			}
		}
		if got != c.want {
			t.Errorf("%q: a generated city found: %v, want %v (%+v)", c.text, got, c.want, f.Entities)
		}
	}
}

// TestHashFollowsTheTextAndWhatReadsIt: a reload skips an article only when
// neither its text nor the extractor that reads it changed.
func TestHashFollowsTheTextAndWhatReadsIt(t *testing.T) {
	x := mustExtractor(t)
	a := extractOne(t, "2020-01-01", "Sergey Lavrov met Wang Yi.").Article
	b := extractOne(t, "2020-01-01", "Sergey Lavrov met Wang Yi.").Article
	c := extractOne(t, "2020-01-01", "Sergey Lavrov met Antony Blinken.").Article
	if a.Hash != b.Hash || a.Hash == c.Hash {
		t.Errorf("same text, same extractor: equal %v (want true); other text: equal %v (want false)", a.Hash == b.Hash, a.Hash == c.Hash)
	}
	small, err := kb.LoadFS(fstest.MapFS{
		"d/countries.yaml":     {Data: []byte("- {id: country:russia, name: Russia}\n")},
		"d/people.yaml":        {Data: []byte("[]")},
		"d/organizations.yaml": {Data: []byte("[]")},
		"d/locations.yaml":     {Data: []byte("[]")},
		"d/conflicts.yaml":     {Data: []byte("[]")},
		"d/titles.yaml":        {Data: []byte("[]")},
		"d/events.yaml":        {Data: []byte("[]")},
	}, "d")
	if err != nil {
		t.Fatal(err)
	}
	other, err := NewExtractor(small)
	if err != nil {
		t.Fatal(err)
	}
	items := loader.Parse("test", "jsonl", []byte(`{"id": "t", "title": "Test", "body": "Sergey Lavrov met Wang Yi.", "published": "2020-01-01"}`), loader.ReadOptions{})
	if got := other.Extract(items[0].Article).Article.Hash; got == a.Hash {
		t.Errorf("another knowledge base gave the same hash %s", got)
	}
	if x.stamp == other.stamp || small.Fingerprint == x.kb.Fingerprint {
		t.Errorf("stamps: %s and %s, fingerprints %s and %s; want them to differ", x.stamp, other.stamp, small.Fingerprint, x.kb.Fingerprint)
	}
}

func TestLongSentenceIsCutIntoBoundedParts(t *testing.T) {
	text := strings.Repeat("Russia, China and Iran met in Tehran and agreed ", 100) + "to talk again."
	toks := tokenize(text)
	parts := boundSentence(text, toks)
	if len(parts) < 2 {
		t.Fatalf("a sentence of %d tokens stayed in %d part", len(toks), len(parts))
	}
	n := 0
	for _, p := range parts {
		pt := tokenize(p)
		if len(pt) > maxSentenceTokens {
			t.Errorf("a part has %d tokens, more than %d", len(pt), maxSentenceTokens)
		}
		if !strings.HasSuffix(p, ",") && p != parts[len(parts)-1] {
			t.Errorf("part cut away from a comma: ...%q", p[max(0, len(p)-20):])
		}
		n += len(pt)
	}
	if n != len(toks) {
		t.Errorf("parts hold %d tokens, the sentence %d", n, len(toks))
	}
	if short := "Russia met China."; !slices.Equal(boundSentence(short, tokenize(short)), []string{short}) {
		t.Errorf("a short sentence was cut")
	}
}

func TestFullNameSharedByTwoPeopleIsTheOneInOffice(t *testing.T) {
	for date, want := range map[string]string{"1991-08-20": "person:george-h-w-bush", "2003-03-20": "person:george-w-bush"} {
		f := extractOne(t, date, "President George Bush telephoned Boris Yeltsin on Tuesday.")
		var got []string
		for _, e := range f.Entities {
			if strings.HasPrefix(e.ID, "person:george") {
				got = append(got, e.ID)
			}
		}
		if !slices.Equal(got, []string{want}) {
			t.Errorf("%s: George Bush is %v, want %s", date, got, want)
		}
	}
}

func TestWithoutWarningIsNoThreat(t *testing.T) {
	f := extractOne(t, "1998-08-21", "Pakistan protested to Washington that the missiles had crossed its airspace without warning.")
	for _, ev := range f.Events {
		if ev.Type == "THREATEN" {
			t.Errorf("'without warning' became %+v", ev)
		}
	}
}

func TestBodiesTheKnowledgeBaseLacksAreFoundByTheirHeadNoun(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"HeadAtTheEnd", "A group of officers calling itself the Peace at Home Council announced that it had taken power.", []string{"org:peace-at-home-council"}},
		{"HeadFirstWithJoiners", "The guard's commander declared himself head of a National Council for the Safeguard of the Homeland.", []string{"org:national-council-for-the-safeguard-of-the-homeland"}},
		{"DemonymTakenIn", "The Rwandan Patriotic Front is fighting its way toward the capital.", []string{"org:rwandan-patriotic-front"}},
		{"NotAStateOffice", "The Defence Ministry said the strikes had hit their targets.", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := extractOne(t, "2020-01-01", c.text)
			var got []string
			for _, e := range f.Entities {
				if e.Kind == geokg.KindOrganization && e.Source == "article" {
					got = append(got, e.ID)
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("new bodies: got %v, want %v", got, c.want)
			}
		})
	}
	// extractOne titles every article "Test"; a headline of its own:
	items := loader.Parse("test", "jsonl", []byte(`{"id": "t", "title": "Coalition Strikes Continue as Talks Stall", "body": "Nothing happened.", "published": "2020-01-01"}`), loader.ReadOptions{})
	for _, e := range mustExtractor(t).Extract(items[0].Article).Entities {
		if e.Kind == geokg.KindOrganization && e.Source == "article" {
			t.Errorf("a headline's capitals made a body: %s", e.ID)
		}
	}
}

func TestOfficeNamedWithoutItsHolderIsTheHolder(t *testing.T) {
	cases := []struct {
		name, date, text, want string
	}{
		{"DemonymAndTitle", "2025-03-01", "JD Vance accused the Ukrainian president of being disrespectful.", "person:volodymyr-zelensky"},
		{"PossessiveAndTitle", "2017-04-12", "Rex Tillerson met Russia's foreign minister on Wednesday.", "person:sergey-lavrov"},
		{"TheSentencesDateNotTheArticles", "2024-12-30", "In September 1978 Jimmy Carter hosted Israel's prime minister at Camp David.", ""},
		{"NamedAfterItsComma", "1994-04-23", "The plane carrying Rwanda's president, Juvénal Habyarimana, was shot down.", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := extractOne(t, c.date, c.text)
			var got []string
			for _, e := range f.Entities {
				if e.Kind == geokg.KindPerson && e.Source == "kb" && !strings.Contains(c.text, e.Name) {
					got = append(got, e.ID)
				}
			}
			var want []string
			if c.want != "" {
				want = []string{c.want}
			}
			if !slices.Equal(got, want) {
				t.Errorf("people read from an office: got %v, want %v", got, want)
			}
		})
	}
}

func TestWatersAreWhereNotWhom(t *testing.T) {
	f := extractOne(t, "2024-01-12", "The Houthis carried out attacks on ships in the Red Sea on Friday.")
	for _, ev := range f.Events {
		if slices.Contains(ev.IDsWithRole(geokg.RoleTarget), "location:red-sea") || slices.Contains(ev.IDsWithRole(geokg.RoleActor), "location:red-sea") {
			t.Errorf("a sea took part in %+v", ev)
		}
	}
	var found bool
	for _, e := range f.Entities {
		found = found || e.ID == "location:red-sea"
	}
	if !found {
		t.Errorf("the Red Sea is not among the entities: %+v", f.Entities)
	}
}
