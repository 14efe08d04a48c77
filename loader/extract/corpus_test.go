package extract

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/geokg/geokg"
	"github.com/geokg/geokg/loader"
)

var (
	corpusOnce  sync.Once
	corpusFacts map[string]geokg.Facts
)

// sampleCorpus extracts the sample corpus once, by article id without its
// "article:" prefix.
func sampleCorpus(t *testing.T) map[string]geokg.Facts {
	t.Helper()
	x := mustExtractor(t)
	corpusOnce.Do(func() {
		corpusFacts = map[string]geokg.Facts{}
		for _, it := range loader.Read([]string{"../../corpus"}, nil, loader.ReadOptions{}, nil) {
			if it.Err != nil {
				continue
			}
			f := x.Extract(it.Article)
			corpusFacts[strings.TrimPrefix(f.Article.ID, "article:")] = f
		}
	})
	if len(corpusFacts) < 13 {
		t.Fatalf("sample corpus: %d articles read, want at least 13", len(corpusFacts))
	}
	return corpusFacts
}

// eventsIn returns the events of an article whose evidence contains text
// ("" for every event), described one per line for failure messages.
func eventsIn(f geokg.Facts, text string) ([]geokg.Event, string) {
	var out []geokg.Event
	var desc []string
	for _, ev := range f.Events {
		if text != "" && !slices.ContainsFunc(ev.Evidence, func(e geokg.Evidence) bool { return strings.Contains(e.Text, text) }) {
			continue
		}
		out = append(out, ev)
		desc = append(desc, describe(ev))
	}
	if len(desc) == 0 {
		return out, "no event"
	}
	return out, strings.Join(desc, "; ")
}

func describe(ev geokg.Event) string {
	return ev.Type + " " + ev.Code + " " + ev.Date + " " + strings.Join(ev.IDsWithRole(geokg.RoleActor), ",") + " -> " + strings.Join(ev.IDsWithRole(geokg.RoleTarget), ",")
}

func hasActor(ev geokg.Event, id string) bool {
	return slices.Contains(ev.IDsWithRole(geokg.RoleActor), id)
}
func hasTarget(ev geokg.Event, id string) bool {
	return slices.Contains(ev.IDsWithRole(geokg.RoleTarget), id)
}

// TestCorpusWrongFacts pins facts of the sample corpus that an analyst
// trying the README's questions found wrong: each case names the fact and
// checks the events read from the sentence that stated it.
func TestCorpusWrongFacts(t *testing.T) {
	corpus := sampleCorpus(t)
	cases := []struct {
		name, article, sentence string
		ok                      func(evs []geokg.Event) bool
	}{
		{"MissileStrikeIsTheUnitedStatesFightingSyria", "sample-07-shayrat-missile-strike", "launched a missile strike on a Syrian government air base",
			func(evs []geokg.Event) bool {
				return slices.ContainsFunc(evs, func(ev geokg.Event) bool {
					return ev.Type == "FIGHT" && strings.HasPrefix(ev.Code, "19") && hasActor(ev, "country:united-states") &&
						(hasTarget(ev, "country:syria") || hasTarget(ev, "location:shayrat-airbase")) && !hasActor(ev, "country:syria")
				})
			}},
		{"AircraftFromTheBaseAreNotTheDatelinesCountrys", "sample-07-shayrat-missile-strike", "aircraft from the base had carried out",
			func(evs []geokg.Event) bool {
				return !slices.ContainsFunc(evs, func(ev geokg.Event) bool {
					return hasActor(ev, "country:united-states") && hasTarget(ev, "location:khan-shaykhun")
				})
			}},
		{"NavyDestroyersAreTheUnitedStatesMilitary", "sample-07-shayrat-missile-strike", "Two Navy destroyers",
			func(evs []geokg.Event) bool {
				return slices.ContainsFunc(evs, func(ev geokg.Event) bool {
					return ev.Type == "FIGHT" && slices.ContainsFunc(ev.Participants, func(p geokg.Participant) bool {
						return p.ID == "country:united-states" && p.Role == geokg.RoleActor && p.Sector == geokg.SectorMilitary
					})
				})
			}},
		{"NoStrikeBySyriaOnAssad", "sample-07-shayrat-missile-strike", "",
			func(evs []geokg.Event) bool {
				return !slices.ContainsFunc(evs, func(ev geokg.Event) bool {
					return hasActor(ev, "country:syria") && hasTarget(ev, "person:bashar-al-assad")
				})
			}},
		{"CondemningTheStrikeTargetsWhoStruck", "sample-07-shayrat-missile-strike", "Russia condemned the strike",
			func(evs []geokg.Event) bool {
				return slices.ContainsFunc(evs, func(ev geokg.Event) bool {
					return ev.Type == "DISAPPROVE" && hasActor(ev, "country:russia") && hasTarget(ev, "country:united-states") && !hasTarget(ev, "country:syria")
				})
			}},
		{"StrikeNamedInPassingIsNotASecondStrike", "tillerson-and-putin-agree-on-working-group-but-stay-divided-on-syria-2017-04-12", "missile strike on the Shayrat air base",
			func(evs []geokg.Event) bool {
				return !slices.ContainsFunc(evs, func(ev geokg.Event) bool {
					return hasActor(ev, "country:united-states") && ev.Date != "2017-04-07"
				})
			}},
		{"KilledInAHeadlineIsNoAttackByTheDead", "sample-04-gadhafi-killed-sirte", "",
			func(evs []geokg.Event) bool {
				return !slices.ContainsFunc(evs, func(ev geokg.Event) bool { return hasActor(ev, "person:muammar-gaddafi") })
			}},
		{"VetoIsNoRejectionOfTheUnitedStates", "tillerson-and-putin-agree-on-working-group-but-stay-divided-on-syria-2017-04-12", "Russia vetoed a draft resolution",
			func(evs []geokg.Event) bool {
				return slices.ContainsFunc(evs, func(ev geokg.Event) bool {
					return ev.Type == "REJECT" && hasActor(ev, "country:russia") && !hasTarget(ev, "country:united-states")
				}) && !slices.ContainsFunc(evs, func(ev geokg.Event) bool { return hasActor(ev, "org:un-security-council") })
			}},
		{"AnOfferToLetInvestigatorsIsNoMeeting", "sample-10-helsinki-summit", "offered to let investigators",
			func(evs []geokg.Event) bool {
				return !slices.ContainsFunc(evs, func(ev geokg.Event) bool { return ev.Type == "CONSULT" })
			}},
		{"RefusingToMeetIsARejection", "sample-11-russia-invades-ukraine", "Putin has refused to meet him",
			func(evs []geokg.Event) bool {
				return slices.ContainsFunc(evs, func(ev geokg.Event) bool {
					return ev.Type == "REJECT" && hasActor(ev, "person:vladimir-putin") && hasTarget(ev, "person:volodymyr-zelensky")
				}) && !slices.ContainsFunc(evs, func(ev geokg.Event) bool { return ev.Type == "CONSULT" })
			}},
		{"WouldMeetIfIsNoMeeting", "sample-10-helsinki-summit", "would meet Putin again",
			func(evs []geokg.Event) bool {
				return !slices.ContainsFunc(evs, func(ev geokg.Event) bool { return ev.Type == "CONSULT" })
			}},
		{"AnAdministrationOfficialIsNotThePresident", "sample-10-helsinki-summit", "A Trump administration official",
			func(evs []geokg.Event) bool {
				return !slices.ContainsFunc(evs, func(ev geokg.Event) bool { return hasActor(ev, "person:donald-trump") })
			}},
		{"MobilizingPressureGroupsIsNoTroopBuildUp", "sample-10-helsinki-summit", "mobilized pressure groups",
			func(evs []geokg.Event) bool {
				return !slices.ContainsFunc(evs, func(ev geokg.Event) bool { return ev.Type == "FORCE_POSTURE" })
			}},
		{"FailingToAgreeOnSanctionsIsNoSanction", "sample-06-crimea-annexation", "failed to agree on sanctions",
			func(evs []geokg.Event) bool {
				return !slices.ContainsFunc(evs, func(ev geokg.Event) bool { return ev.Code == "163" || ev.Type == "COERCE" })
			}},
		{"SupportingActionAgainstLibyaIsNoCooperationWithLibya", "sample-03-libya-strikes-begin", "supports military action against Libya",
			func(evs []geokg.Event) bool {
				return !slices.ContainsFunc(evs, func(ev geokg.Event) bool {
					return geokg.QuadClassOf(ev.Code) <= geokg.QuadMaterialCooperation && hasTarget(ev, "country:libya")
				})
			}},
		{"CriticizingTheBombingIsDisapproval", "sample-03-libya-strikes-begin", "Moussa criticized the bombing",
			func(evs []geokg.Event) bool {
				return slices.ContainsFunc(evs, func(ev geokg.Event) bool { return ev.Type == "DISAPPROVE" && hasActor(ev, "person:amr-moussa") }) &&
					!slices.ContainsFunc(evs, func(ev geokg.Event) bool { return ev.Type == "APPEAL" })
			}},
		{"TheMoscowMeetingIsAtTheKremlin", "tillerson-and-putin-agree-on-working-group-but-stay-divided-on-syria-2017-04-12", "met Russian President Vladimir Putin at the Kremlin",
			func(evs []geokg.Event) bool {
				return slices.ContainsFunc(evs, func(ev geokg.Event) bool {
					return ev.Type == "CONSULT" && hasActor(ev, "person:rex-tillerson") && hasTarget(ev, "person:vladimir-putin") &&
						(ev.Location == "location:moscow-kremlin" || ev.Location == "location:moscow")
				})
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, ok := corpus[c.article]
			if !ok {
				t.Fatalf("article %s not in the corpus", c.article)
			}
			if c.sentence != "" && !strings.Contains(f.Article.Title+"\n"+f.Article.Body, c.sentence) {
				t.Fatalf("article %s no longer says %q", c.article, c.sentence)
			}
			evs, desc := eventsIn(f, c.sentence)
			if !c.ok(evs) {
				t.Errorf("%s: got %s", c.article, desc)
			}
		})
	}
}

// TestCorpusNamesTheRightPeopleAndWars pins entities of the sample corpus
// an analyst found missing or wrong.
func TestCorpusNamesTheRightPeopleAndWars(t *testing.T) {
	corpus := sampleCorpus(t)
	mentions := func(article, id string) bool {
		return slices.ContainsFunc(corpus[article].Mentions, func(m geokg.Mention) bool { return m.EntityID == id })
	}
	for _, c := range []struct {
		name, article, id string
		want              bool
	}{
		{"BushIn2003IsGeorgeWBush", "sample-13-bush-at-the-pentagon", "person:george-w-bush", true},
		{"BushIn2003IsNotHisFather", "sample-13-bush-at-the-pentagon", "person:george-h-w-bush", false},
		{"TheWarAgainstIraqIsTheIraqWar", "sample-02-iraq-war-begins", "conflict:iraq-war", true},
		{"TheWarInIraqIsTheIraqWar", "sample-13-bush-at-the-pentagon", "conflict:iraq-war", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := mentions(c.article, c.id); got != c.want {
				t.Errorf("%s mentions %s: got %v, want %v", c.article, c.id, got, c.want)
			}
		})
	}
}
