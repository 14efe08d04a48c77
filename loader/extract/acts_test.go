package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg"
)

// TestActsTheFieldCodes pins how acts are read beyond single trigger
// words: light verbs and their nouns, the dictionary's verbs, acts between
// two sides, taking back, judgements, groups as actors. Each case names an
// event that must be coded, with its full code when the text decides it.
func TestActsTheFieldCodes(t *testing.T) {
	cases := []struct {
		name, date, text string
		typ, code        string
		actors, targets  []string
		sectors          map[string]geokg.Sector // the actors' sectors
	}{
		{"LightVerbAndItsNoun", "2011-03-20",
			"France, Britain and the United States launched air and missile strikes against Libya on Saturday.",
			"FIGHT", "195", []string{"country:france", "country:united-kingdom", "country:united-states"}, []string{"country:libya"}, nil},
		{"DictionaryVerbAlone", "1995-11-21",
			"Serbian gunners shelled Sarajevo on Tuesday.",
			"FIGHT", "", []string{"country:serbia"}, []string{"location:sarajevo"}, map[string]geokg.Sector{"country:serbia": geokg.SectorMilitary}},
		{"AgreementBetweenTwoSides", "2008-02-28",
			"President Mwai Kibaki and his rival Raila Odinga signed an agreement on Thursday.",
			"DIPLOMATIC_COOPERATION", "057", []string{"person:mwai-kibaki"}, []string{"person:raila-odinga"}, nil},
		{"AidFrozenIsAidCut", "2014-03-20",
			"The European Union froze economic aid to Russia.",
			"REDUCE_RELATIONS", "162", []string{"org:eu"}, []string{"country:russia"}, nil},
		{"TalksSuspended", "2022-08-05",
			"China suspended talks with the United States on climate change.",
			"REDUCE_RELATIONS", "164", []string{"country:china"}, []string{"country:united-states"}, nil},
		{"EmbargoLifted", "2000-10-09",
			"The European Union lifted its oil embargo on Yugoslavia on Monday.",
			"YIELD", "085", []string{"org:eu"}, []string{"country:yugoslavia"}, nil},
		{"HostageTaking", "2000-05-20",
			"Gunmen led by the businessman George Speight held Prime Minister Mahendra Chaudhry hostage in parliament.",
			"ASSAULT", "181", []string{"person:george-speight"}, []string{"person:mahendra-chaudhry"}, nil},
		{"CalledTheActAJudgement", "2010-05-31",
			"Israeli commandos raided a Turkish aid ship on Monday. Recep Tayyip Erdogan called the raid state terrorism.",
			"DISAPPROVE", "111", []string{"person:recep-tayyip-erdogan"}, []string{"country:israel"}, nil},
		{"ReportedSpeechJudgesTheAct", "2014-03-20",
			"The United States imposed sanctions on Russian banks. Sergey Lavrov said the new sanctions were destructive.",
			"DISAPPROVE", "111", []string{"person:sergey-lavrov"}, []string{"country:united-states"}, nil},
		{"DenyingJudgementIsARejection", "2006-04-25",
			"King Gyanendra restored the parliament. The Maoist leader, Pushpa Kamal Dahal, called it a trick.",
			"REJECT", "120", []string{"person:pushpa-kamal-dahal"}, nil, nil},
		{"PoliceOfTheDatelinesCountry", "2014-09-28",
			"HONG KONG, Sept. 28 — Riot police fired tear gas at students on Sunday.",
			"COERCE", "175", []string{"country:china"}, []string{"country:china"}, map[string]geokg.Sector{"country:china": geokg.SectorPolice}},
		{"WelcomingTheWithdrawalTargetsWhoWithdrew", "2000-05-24",
			"Israeli troops withdrew from southern Lebanon on Wednesday. Kofi Annan welcomed the withdrawal.",
			"DIPLOMATIC_COOPERATION", "", []string{"person:kofi-annan"}, []string{"country:israel"}, nil},
		{"VetoNamesTheBodyInItsNoun", "2017-04-12",
			"Later that day Russia vetoed a Security Council resolution on Syria.",
			"REJECT", "129", []string{"country:russia"}, []string{"org:un-security-council"}, nil},
		{"SidesDescribedBeforeTheirNames", "2014-01-04",
			"Delegations of President Salva Kiir and rebel leader Riek Machar held talks in Addis Ababa.",
			"CONSULT", "", []string{"person:salva-kiir"}, []string{"person:riek-machar"}, nil},
		{"FightingBetweenTwoSides", "2023-05-02",
			"Fighting between Sudan's army and the Rapid Support Forces raged in Omdurman on Tuesday.",
			"FIGHT", "", []string{"country:sudan"}, []string{"org:rapid-support-forces"}, nil},
		{"LeadersGovernmentIsTheLeader", "2017-04-12",
			"Rex Tillerson accused the Assad government of ordering the gas attack.",
			"ACCUSE", "112", []string{"person:rex-tillerson"}, []string{"person:bashar-al-assad"}, nil},
		{"DenialTargetsTheAccuser", "2017-04-12",
			"Rex Tillerson accused the Assad government of ordering the gas attack, and Sergei Lavrov rejected the accusation.",
			"REJECT", "", []string{"person:sergey-lavrov"}, []string{"person:rex-tillerson"}, nil},
		{"MonarchByOneNameIsTheKingLater", "2006-04-21",
			"KATHMANDU - King Gyanendra addressed the nation on Friday. An Indian envoy, Karan Singh, met the king on Thursday.",
			"CONSULT", "", []string{"person:karan-singh"}, []string{"person:gyanendra"}, nil},
		{"MeetingTheDemandIsYielding", "2006-04-25",
			"King Gyanendra recalled parliament on Monday, meeting the main demand of the Seven Party Alliance.",
			"YIELD", "083", []string{"person:gyanendra"}, []string{"org:seven-party-alliance"}, nil},
		{"VowedTheyWouldPay", "1996-04-19",
			"Hassan Nasrallah vowed on Thursday night that Israel would pay for the raid.",
			"THREATEN", "130", []string{"person:hassan-nasrallah"}, []string{"country:israel"}, nil},
		{"AppealToTwoSidesToAct", "1996-04-19",
			"President Bill Clinton called on Israel and Hezbollah to accept a ceasefire.",
			"APPEAL", "", []string{"person:bill-clinton"}, []string{"country:israel", "org:hezbollah"}, nil},
		{"TargetAfterARelativeClause", "1996-04-12",
			"Israel launched an offensive, which it named Operation Grapes of Wrath, against Hezbollah on Thursday.",
			"FIGHT", "", []string{"country:israel"}, []string{"org:hezbollah"}, nil},
		{"WeaponsOfACountry", "1996-04-19",
			"Israeli shells struck Hezbollah positions on Thursday.",
			"FIGHT", "", []string{"country:israel"}, []string{"org:hezbollah"}, map[string]geokg.Sector{"country:israel": geokg.SectorMilitary}},
		{"AccentedNameAfterATitle", "2024-05-20",
			"Interior Minister Gérald Darmanin accused Azerbaijan of meddling in New Caledonia.",
			"ACCUSE", "112", []string{"person:gerald-darmanin"}, []string{"country:azerbaijan"}, nil},
		{"MustIsADemand", "2001-04-11",
			"China's foreign ministry said on Wednesday that the United States must end its surveillance flights.",
			"DEMAND", "100", []string{"country:china"}, []string{"country:united-states"}, nil},
		{"WouldStrikeAgainIsAThreat", "1998-08-21",
			"Defense Secretary William Cohen said the same day that the United States would strike again.",
			"THREATEN", "138", []string{"person:william-cohen"}, nil, nil},
		{"ChargedWithAViolationIsAccused", "2025-06-22",
			"Abbas Araghchi said on Sunday that the United States had committed a grave violation of the UN Charter.",
			"ACCUSE", "112", []string{"person:abbas-araghchi"}, []string{"country:united-states"}, nil},
		{"CalledItAVictoryIsPraise", "2011-05-02",
			"American commandos killed Osama bin Laden in Abbottabad. Yousaf Raza Gilani called the killing a great victory.",
			"DIPLOMATIC_COOPERATION", "051", []string{"person:yousaf-raza-gilani"}, []string{"country:united-states"}, nil},
		{"BombingByAStateIsAirForce", "2025-06-24",
			"Israel began bombing Iran's nuclear sites on June 13.",
			"FIGHT", "", []string{"country:israel"}, []string{"country:iran"}, nil},
		{"VotedOnADayToDeplore", "1990-01-04",
			"US troops invaded Panama on December 20. The Organization of American States voted on December 22 to deplore the invasion.",
			"DISAPPROVE", "", []string{"org:oas"}, []string{"country:united-states"}, nil},
		{"EuropeanCommunityBeforeTheUnion", "1991-08-20",
			"European Community foreign ministers, meeting in The Hague, froze economic aid to the Soviet Union.",
			"REDUCE_RELATIONS", "162", []string{"org:european-community"}, []string{"country:soviet-union"}, nil},
		{"SecondVerbKeepsItsOwnNoun", "2022-02-24",
			"President Volodymyr Zelensky declared martial law and cut diplomatic ties with Moscow.",
			"REDUCE_RELATIONS", "", []string{"person:volodymyr-zelensky"}, []string{"country:russia"}, nil},
		{"OtherSideAfterWith", "1993-09-13",
			"Shimon Peres signed a declaration of principles with Mahmoud Abbas on the White House lawn.",
			"DIPLOMATIC_COOPERATION", "057", []string{"person:shimon-peres"}, []string{"person:mahmoud-abbas"}, nil},
		{"PersonOfACountryActs", "2006-04-25",
			"King Gyanendra of Nepal gave in to the protesters late on Monday.",
			"YIELD", "", []string{"person:gyanendra"}, nil, nil},
		{"PronounSubjectOfTwoVerbs", "2020-08-17",
			"Alexander Lukashenko spoke on Saturday. On Sunday he held a rally in Minsk and accused NATO of massing troops.",
			"ACCUSE", "112", []string{"person:alexander-lukashenko"}, []string{"org:nato"}, nil},
		{"EmbargoHeadsItsJoinedNouns", "1992-05-31",
			"The UN Security Council imposed a trade and oil embargo on Yugoslavia on Saturday.",
			"REDUCE_RELATIONS", "163", []string{"org:un-security-council"}, []string{"country:yugoslavia"}, nil},
		{"VowedForceAgainstAnother", "2004-03-22",
			"Abdel Aziz al-Rantisi vowed that Hamas would strike back at Israel.",
			"THREATEN", "138", []string{"person:abdel-aziz-al-rantisi"}, []string{"country:israel"}, nil},
		{"SpeakerBehindTheBodysOffice", "2004-09-18",
			"China's UN ambassador, Wang Guangya, said sanctions would harden positions and called for more time for the African Union.",
			"APPEAL", "", []string{"person:wang-guangya"}, []string{"org:african-union"}, nil},
		{"KilledHimIsAnAssassination", "2011-05-02",
			"American commandos found Osama bin Laden in Abbottabad and killed him.",
			"ASSAULT", "186", []string{"country:united-states"}, []string{"person:osama-bin-laden"}, nil},
		{"BothGovernmentsAreTheTwoNamed", "2018-08-08",
			"Saudi Arabia expelled Canada's ambassador on Sunday. A State Department spokeswoman, Heather Nauert, urged both governments to settle the dispute.",
			"APPEAL", "", []string{"person:heather-nauert"}, []string{"country:saudi-arabia", "country:canada"}, nil},
		{"OwnStateIsNotWarned", "2023-07-31",
			"President Emmanuel Macron warned that France would answer any attack on its embassy.",
			"THREATEN", "", []string{"person:emmanuel-macron"}, []string{}, nil},
		{"MembersOfABodyAreTheBody", "1990-01-04",
			"Agents of the Drug Enforcement Administration arrested Manuel Noriega on the plane.",
			"COERCE", "", []string{"org:drug-enforcement-administration"}, []string{"person:manuel-noriega"}, nil},
		{"ToldHimHeNeededTo", "2014-11-16",
			"Canadian Prime Minister Stephen Harper told the Russian president on Saturday that he needed to get out of Ukraine.",
			"DEMAND", "100", []string{"person:stephen-harper"}, []string{"person:vladimir-putin"}, nil},
		{"HadToIsADemand", "2018-08-08",
			"Foreign Minister Adel al-Jubeir said Ottawa had to correct its mistake.",
			"DEMAND", "100", []string{"person:adel-al-jubeir"}, []string{"country:canada"}, nil},
		{"ArabicSurnameWithItsArticle", "2018-08-08",
			"Foreign Minister Adel al-Jubeir ruled out mediation. Chrystia Freeland spoke with al-Jubeir by telephone on Tuesday.",
			"CONSULT", "", []string{"person:chrystia-freeland"}, []string{"person:adel-al-jubeir"}, nil},
		{"CondemnedWithNoOneNamed", "2002-04-13",
			"Meeting in San José on Friday, the Rio Group condemned the interruption of constitutional order in Venezuela.",
			"DISAPPROVE", "", []string{"org:rio-group"}, []string{}, nil},
		{"EconomicBlockadeIsAnEmbargo", "1996-08-01",
			"Tanzania imposed an economic blockade on Burundi at a summit on Wednesday.",
			"REDUCE_RELATIONS", "163", []string{"country:tanzania"}, []string{"country:burundi"}, nil},
		{"TroopsFiringOnTheirOwnPeopleIsRepression", "1992-05-18",
			"BANGKOK - On Sunday night, Thai troops opened fire on marchers near the government's offices.",
			"COERCE", "175", []string{"country:thailand"}, []string{"country:thailand"}, nil},
		{"LedByAStateIsThatStates", "2003-03-21",
			"American and British forces struck targets across Iraq on Thursday. Luiz Inácio Lula da Silva condemned the American-led attack.",
			"DISAPPROVE", "111", []string{"person:lula-da-silva"}, []string{"country:united-states"}, nil},
		{"CallingOffAVisitReducesRelations", "2015-11-24",
			"That evening Foreign Minister Sergei Lavrov called off his visit to Turkey.",
			"REDUCE_RELATIONS", "160", []string{"person:sergey-lavrov"}, []string{"country:turkey"}, nil},
		{"RetiredIsNoRetreat", "1994-09-19",
			"Jimmy Carter, Sam Nunn and retired General Colin Powell met Raoul Cédras on Sunday.",
			"CONSULT", "", []string{"person:jimmy-carter", "person:sam-nunn", "person:colin-powell"}, []string{"person:raoul-cedras"}, nil},
		{"PlaceNameAsAFirstName", "1991-06-29",
			"President Milan Kučan appealed to the European Community to halt the fighting.",
			"APPEAL", "", []string{"person:milan-kucan"}, []string{"org:european-community"}, nil},
		{"StoodAsideIsYielding", "1997-03-27",
			"Papua New Guinea's prime minister, Julius Chan, stood aside on Wednesday.",
			"YIELD", "", []string{"person:julius-chan"}, nil, nil},
		{"NotLegalIsAJudgement", "2009-06-29",
			"The Honduran army arrested Manuel Zelaya on Sunday. Barack Obama said on Monday that the coup was not legal.",
			"DISAPPROVE", "111", []string{"person:barack-obama"}, nil, nil},
		{"TheStateThatHoldsAPosition", "2007-07-17",
			"In Moscow, foreign ministry spokesman Mikhail Kamynin called the British position immoral.",
			"DISAPPROVE", "111", []string{"person:mikhail-kamynin"}, []string{"country:united-kingdom"}, nil},
		{"VotedForAnEmbargo", "1991-10-08",
			"Foreign ministers of the Organization of American States voted on Tuesday for a trade embargo on Haiti.",
			"REDUCE_RELATIONS", "163", []string{"org:oas"}, []string{"country:haiti"}, nil},
		{"ForcesLoyalToALeader", "2011-04-12",
			"ABIDJAN - Forces loyal to Alassane Ouattara captured Laurent Gbagbo in the basement of his residence on Monday.",
			"COERCE", "", []string{"person:alassane-ouattara"}, []string{"person:laurent-gbagbo"}, nil},
		{"ForeignTroopsFiringOnProtestersIsRepression", "1993-06-14",
			"MOGADISHU, Somalia - Pakistani soldiers serving with the United Nations opened fire on Somali demonstrators on Sunday.",
			"COERCE", "175", []string{"country:pakistan"}, []string{"country:somalia"}, nil},
		{"ThreatToldToAReporter", "2013-01-14",
			"Abou Dardar told a reporter on Monday that the group would strike at the heart of France.",
			"THREATEN", "138", []string{"person:abou-dardar"}, []string{"country:france"}, nil},
		{"LeadersOfABodyActForIt", "1995-11-11",
			"AUCKLAND, New Zealand - Commonwealth leaders suspended Nigeria from the organization on Saturday.",
			"REDUCE_RELATIONS", "", []string{"org:commonwealth"}, []string{"country:nigeria"}, nil},
		{"KingOfTheCountryNamed", "2013-07-04",
			"King Abdullah of Saudi Arabia congratulated Adly Mansour within hours of the announcement.",
			"DIPLOMATIC_COOPERATION", "", []string{"person:abdullah-bin-abdulaziz"}, []string{"person:adly-mansour"}, nil},
		{"ThePrinceIsThePrinceNamed", "1997-07-10",
			"Prince Norodom Ranariddh left for France. The prince accused Thailand on Thursday of arming his rivals.",
			"ACCUSE", "", []string{"person:norodom-ranariddh"}, nil, nil},
		{"JourneyForTalks", "1991-10-05",
			"The secretary general of the Organization of American States, João Baena Soares, led a delegation to Port-au-Prince on Friday for talks with Raoul Cédras.",
			"CONSULT", "", []string{"person:joao-baena-soares"}, []string{"person:raoul-cedras"}, nil},
		{"StateOfEmergencyOnNoOne", "2013-01-12",
			"Dioncounda Traoré declared a state of emergency on Friday.",
			"COERCE", "1724", []string{"person:dioncounda-traore"}, []string{}, nil},
		{"TearGasOnTheCrowdNamed", "2011-03-16",
			"MANAMA, Bahrain - Bahraini security forces drove protesters out of Pearl Roundabout on Wednesday, firing tear gas and shotguns.",
			"COERCE", "175", []string{"country:bahrain"}, []string{"country:bahrain"}, nil},
		{"StunGrenadesAtWorshippers", "2021-05-21",
			"Israeli police fired stun grenades at Palestinian worshippers in the Al-Aqsa compound.",
			"COERCE", "175", []string{"country:israel"}, []string{"country:palestine"}, nil},
		{"CrowdGatheringIsAProtest", "2023-09-21",
			"YEREVAN, Sept. 21 - Thousands of protesters gathered outside the government building, demanding the resignation of Prime Minister Nikol Pashinyan.",
			"PROTEST", "141", []string{"country:armenia"}, []string{"person:nikol-pashinyan"}, map[string]geokg.Sector{"country:armenia": geokg.SectorProtesters}},
		{"CrowdStormingIsAViolentProtest", "2009-04-08",
			"CHISINAU, April 8 - Young demonstrators ransacked the parliament on Tuesday.",
			"PROTEST", "145", []string{"country:moldova"}, nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := extractOne(t, c.date, c.text)
			var got []string
			for _, ev := range f.Events {
				got = append(got, describe(ev))
				actors, targets := ev.IDsWithRole(geokg.RoleActor), ev.IDsWithRole(geokg.RoleTarget)
				slices.Sort(actors)
				want := slices.Clone(c.actors)
				slices.Sort(want)
				if ev.Type != c.typ || !slices.Equal(actors, want) || (c.targets != nil && !slices.Equal(targets, c.targets)) {
					continue
				}
				if c.code != "" && ev.Code != c.code {
					t.Errorf("code: got %s, want %s", ev.Code, c.code)
				}
				for id, sector := range c.sectors {
					for _, p := range ev.Participants {
						if p.ID == id && p.Role == geokg.RoleActor && p.Sector != sector {
							t.Errorf("sector of %s: got %q, want %q", id, p.Sector, sector)
						}
					}
				}
				return
			}
			t.Errorf("no %s %v -> %v; got %s", c.typ, c.actors, c.targets, strings.Join(got, "; "))
		})
	}
}

// TestNoActWhereNoneHappened pins sentences that look like acts and are
// not: their events must not be coded.
func TestNoActWhereNoneHappened(t *testing.T) {
	for _, c := range []struct{ name, date, text, typ string }{
		{"ModifierIsNoGroup", "2011-03-20", "TRIPOLI — Rome supports military action against Libya.", "DIPLOMATIC_COOPERATION"},
		{"SpeakerIsNotTheSubjectOfWhatIsSaid", "2015-10-01", "Defence Minister Sergei Shoigu said the strikes hit Islamic State positions.", "FIGHT"},
		{"ParticipleOfAResultIsNoWithdrawal", "2008-02-28", "Kibaki and Odinga signed an agreement, ending two months of bloodshed.", "YIELD"},
		{"JudgementDenied", "2014-03-20", "Sergey Lavrov said the talks were not unacceptable.", "DISAPPROVE"},
		{"GoingIsNoVisit", "2008-08-16", "Nicolas Sarkozy later travelled to Tbilisi.", "CONSULT"},
		{"PlainWarningIsNoThreat", "2023-11-10", "The World Health Organization warned that clinics in Gaza were short of medicine.", "THREATEN"},
		{"ChargedActIsNotReported", "2023-01-20", "Sergey Lavrov accused NATO of prolonging the war by sending tanks to Ukraine.", "MATERIAL_COOPERATION"},
		{"TopicOfTheObjectIsNoTarget", "2018-07-17", "Dan Coats said US agencies stood by their report on Russian hacking.", "DIPLOMATIC_COOPERATION"},
		{"OwnCountryIsNoRecipient", "2023-10-12", "Secretary of State Antony Blinken pledged US support on Thursday.", "INTENT_TO_COOPERATE"},
		{"QuarrelIsNoBattle", "1997-07-01", "Chris Patten, who had quarrelled with Beijing for five years, left Government House.", "FIGHT"},
		{"WantedByACourtIsNoWar", "2011-07-09", "Omar al-Bashir, who is wanted by the International Criminal Court on charges from the war in Darfur, attended.", "FIGHT"},
		{"RetaliatingTogetherIsNotAgainstEachOther", "2006-12-06", "Canberra and Wellington retaliated on Wednesday.", "FIGHT"},
		{"WhatWillBeIsNotYet", "2012-04-07", "Djibrill Bassolé said that ECOWAS would lift the sanctions at once.", "YIELD"},
		{"KillingGuerrillasIsNoRepression", "1997-04-23", "LIMA - Peruvian commandos stormed the residence on Tuesday, killing all 14 guerrillas of the Tupac Amaru Revolutionary Movement.", "COERCE"},
		{"LeadersGatheringIsNoProtest", "2023-09-21", "European leaders gathered in Brussels on Monday.", "PROTEST"},
		{"QuestionReportsNothing", "2023-08-10", "Will ECOWAS send troops into Niger?", "FORCE_POSTURE"},
		{"RefusedToHandOver", "1998-08-21", "The Taliban refused to hand Osama bin Laden over to the United States.", "MATERIAL_COOPERATION"},
		{"TookABusToACity", "1999-02-20", "Atal Bihari Vajpayee took a bus to Lahore.", "FIGHT"},
		{"UntilIsNotYet", "2005-01-21", "Yulia Tymoshenko urged the crowd to stay until parliament dismissed the government.", "REJECT"},
		{"WhatWasDemandedIsNotDone", "1999-05-09", "Tang Jiaxuan demanded that NATO apologise, carry out an investigation and punish those responsible.", "INVESTIGATE"},
		{"CalledItCredibleIsNoAppeal", "2018-10-22", "Donald Trump called the Saudi account credible on Friday.", "APPEAL"},
		{"NamingItselfIsNoAppeal", "2016-07-16", "A group of officers calling itself the Peace at Home Council said it had taken power in Turkey.", "APPEAL"},
		{"SayingWhoOrderedIsNoJudgement", "2020-01-03", "The Pentagon said President Donald Trump had ordered the attack.", "DISAPPROVE"},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, ev := range extractOne(t, c.date, c.text).Events {
				if ev.Type == c.typ {
					t.Errorf("coded %s", describe(ev))
				}
			}
		})
	}
}
