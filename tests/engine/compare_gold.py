"""Hand-labelled gold for ``index.compare``: the seed pair and four WikiNews article pairs.

Labelled by hand BEFORE the engine was tuned on them (2024 rework of the compare engine); the
WikiNews sentences are copied from the MultiLing 2011 pilot (English WikiNews, CC BY 2.5) so that the
tests need nothing outside the repository. Each excerpt is the whole article split into sentences,
one per line; indices below refer to these lists (and, for the seeds, to
``split_sentences(seed text)``).

Labels, for a journalist comparing the two reports:

* ``shared``: the same claim or fact, possibly paraphrased or with a different figure.
* ``related``: the same facet of the story, a different detail.
* ``maybe``: defensible either way; neither rewarded nor punished.
* ``negative``: pairs a reader would reject although they share words or names.
* ``conflicts``: real disagreements, each a set of acceptable sentence pairs (any one found counts).
* ``unique_a`` / ``unique_b``: sentences that must be shown as only in that report.

Any shown pair outside ``shared | related | maybe`` counts against precision; so does any flagged
conflict outside every conflict set and outside ``conflict_maybe``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Gold:
    name: str
    a: list[str]
    b: list[str]
    shared: set[tuple[int, int]]
    related: set[tuple[int, int]]
    maybe: set[tuple[int, int]] = field(default_factory=set)
    negative: set[tuple[int, int]] = field(default_factory=set)
    conflicts: list[set[tuple[int, int]]] = field(default_factory=list)
    conflict_maybe: set[tuple[int, int]] = field(default_factory=set)
    unique_a: set[int] = field(default_factory=set)
    unique_b: set[int] = field(default_factory=set)


# --- seed pair: seeds/000 (A) and seeds/004 (B) ------------------------------------------------------

SEED = Gold(
    "seeds",
    [],  # read from seeds/ by the callers
    [],
    shared={(1, 4), (15, 4), (12, 16), (13, 23), (4, 8), (20, 23)},
    related={(0, 4), (17, 4), (17, 0), (1, 0), (2, 13), (24, 23), (21, 22), (15, 5), (17, 13)},
    maybe={
        (0, 0),
        (0, 15),
        (6, 4),
        (18, 5),
        (5, 24),
        (3, 7),
        (3, 17),
        (3, 20),
        (10, 0),
        (14, 23),
        (2, 18),
        (1, 5),
        (15, 0),
        (2, 0),
        (6, 0),
        (18, 24),
        (6, 8),
        (20, 13),
        (1, 12),
        (10, 13),
        (13, 20),
        (4, 9),
        (4, 10),
        (15, 12),
        (1, 13),
        (2, 4),
        (2, 17),
        (17, 12),
        (17, 5),
    },
    negative={(2, 15), (17, 1), (0, 22), (18, 20), (20, 16), (24, 16), (3, 22), (3, 16)},
    conflicts=[
        # training / prospective against fighting / sent
        {(1, 4), (1, 0), (17, 0), (17, 4), (2, 13), (0, 0), (0, 4), (17, 13), (2, 0), (1, 2)},
        # "thousands" against "over 10,000"
        {(17, 4)},
    ],
    conflict_maybe={(10, 0), (15, 4), (14, 23), (3, 0), (15, 0), (10, 4)},
    unique_a={9, 22},
    unique_b={2, 6, 12},
)

# --- WikiNews excerpts ----------------------------------------------------------------------------

M0082 = [
    "According to the Brazilian air force, Brazilian military aircraft have found wreckage of an airplane in the Atlantic Ocean, about 650 kilometres off the northern coast of Brazil.",
    "The wreckage is suspected to have come from Air France Flight 447, a passenger jet that went missing over the Atlantic Ocean on June 1.",
    "The debris includes airplane seats and metallic objects.",
    "Pilots from TAM, a Brazilian airline had earlier said they saw what they perceived to be a fire in the Atlantic, but French officials say that no sign of wreckage had been found.",
    "Brazilian airplanes with sensors are currently scanning the area of the ocean where the debris was found.",
    '"A TAM airlines plane from Brazil supposedly saw something on fire in the Atlantic Ocean.',
    'This was an aeroplane that landed today," said Jose Alencar, the Brazilian vice president.',
    "Air France Flight AF447 was an Airbus A330 carrying 216 passengers and 12 crew members that disappeared after it went into a severe thunderstorm.",
    "Authorities are not yet certain what caused the incident, but are pessimistic as to whether any survivors will be found.",
]

M0083 = [
    "Wreckage from an airplane in the Atlantic Ocean 650 kilometres from the coast of Brazil has been confirmed by the Brazilian government to be from Air France Flight 447.",
    "Nelson Jobim, the Brazilian Defence Minister, said that there were no survivors.",
    "An airplane seat and life vest were found floating in Atlantic waters on Tuesday.",
    "A French ship arrived at the area on the same day, and confirmed the debris.",
    "According to CNN, a vessel from the Brazilian navy is to arrive at the scene on Wednesday.",
    "The main goal for search crews will be to find the cockpit voice and data recorder to help find out what caused the crash.",
    'However, the Brazilian defence minister said that it may be hard to find them due to the large depth of the ocean in the area, saying that "it could be at a depth of 2,000 or 3,000 metres [6,500 to 9,800 feet] in that area of the ocean."',
    "Air France Flight 447 was an Airbus A330 en route from Rio de Janeiro to Paris, France, with 228 people on board, when it vanished from radar screens after entering an area with severe turbulence.",
]

M0006 = [
    "The death toll from the earthquake and tsunamis that has hit countries in Asia and Eastern Africa continues to rise, passing 80,000 people according to reports from several news agencies.",
    "A spokesman for the Red Cross speculated that the toll could increase to over 100,000 as some of the smaller islands in the Indian Ocean are checked, and a U.N. official said that the death toll might eventually approach 80,000 in Indonesia alone.",
    "The immediate fatalities from the earthquake and resulting tsunamis are but a fraction of the total effect from the disaster.",
    "The World Health Organization (WHO) estimates that 5 million people lack food, water or basic sanitation necessary for survival.",
    "Officials continue to struggle with burying the dead and delivering basic suvival provisions to the population in the coastal and island areas most hit by the disaster.",
]

M0008 = [
    "Nearly a week after tsunami waves scoured the coasts of multiple countries in southern Asia, the confirmed death count is over 120,000.",
    "Indonesia reports it is no longer counting bodies, but merely struggling to deal with the aftermath and prevent a massive outbreak of typhoid.",
    "Local death tolls",
    "Near the epicenter of the earthquakes and tsunami, Indonesia's Aceh province alone may have as many as 80,000 death.",
    "Entire villages are gone, with no evidence left of their prior existence.",
    "Still, other countries are continuing to report the numbers of dead as best they can:",
    "* Sri Lanka - approximately 28,500",
    "* India - more than 7,700",
    "* More than 300 were killed in Malaysia, Myanmar, Bangladesh, the Maldives, Somalia, Tanzania and Kenya.",
    "As many as 10,500 foreign nationals are missing in the region, most of them tourists.",
    "Sweden has 17 confirmed dead, but more than 2,500 are still missing.",
    "Reports of death toll",
    '* AP - "confirmed death toll passed 121,000, and 5 million people were homeless."',
    '* BBC - "at least 124,000 ...',
    'The UN says the toll is nearing 150,000 and may never be known."',
    '* NP&CP - "The death toll passed 150,000."',
    '* United Nations - "UN Emergency Relief Coordinator and Under-Secretary-General for Humanitarian Affairs Jan Egeland said the final death toll could climb beyond 150,000.',
    'About 1 million people are homeless and humanitarian agencies estimate that 5 million people need relief."',
]

M0092 = [
    "The 2008 Olympic Torch has arrived in London today, with the delegation being met by Chinese ambassador Fu Ying and Minister for the Olympics Tessa Jowell at Heathrow Airport.",
    "The torch had just arrived from St Petersburg, Russia.",
    'Tomorrow, British Prime Minister Gordon Brown will give a welcoming speech, which has already drawn criticism from other politicians for being "wholly inappropriate".',
    "After the speech the torch will be taken on a 31 mile relay around London, beginning at Wembley stadium, and finishing at the O2 Arena, being carried by 80 athletes, dignitaries and entertainers, after initially being carried by five time Olympic gold medal winner Sir Steve Redgrave.",
    "It is expected that the relay route will be lined by hundreds of people, however around 500 people are also expected to protest against the current human rights issues in the country, which has already taken place along the route.",
    "4 people were also arrested today, 2 of which were on Westminster Bridge, after un-furling banners on the bridge.",
    "Around 2,000 Metropolitan Police are expected to be present tomorrow at the relay, and Tessa Jowell told the BBC that she hoped the protests would be peaceful.",
    "The arrival of the torch comes on the same day that Chinese security forces fired on Tibetan protesters, killing 8.",
    "The torch, which has come from Greece, will make its way around the world, being transported by thousands of people, and end in China on August 8th, 2008, to light the flame during the opening ceremony.",
]

M0099 = [
    "Around 25 arrests have been made by Metropolitan Police officers, during the 31 mile Olympic Torch relay in London, England.",
    "The torch relay began at Wembley Stadium where protesters waved flags and chanted as the torch started on its route.",
    "Protests then became more dramatic, as demonstrators attempted to extinguish the flame using a fire extinguisher, and grab the torch from the hands of TV presenter Konnie Huq in Ladbroke Grove.",
    "Both of the attempts were unsuccessful, and were prevented by police officers and members of the torch's security team.",
    "The torch continued its route, surrounded by more than twenty security officers, to be seen by hundreds of spectators, and also continued verbal protests by groups highlighting the human rights issues in China.",
    "There were also pro-China protesters present chanting slogans.",
    "It is believed that around 20 - 25 arrests have been made throughout the course of the day.",
    "The route ends at the O2 Arena after being carried by around 80 athletes, dignitaries and entertainers, including five time Olympic gold medal winner Sir Steve Redgrave.",
]

M0011 = [
    "Profiles of the suspects in the July 7, 2005 bombings in London have been released.",
    "They are all British nationals.",
    "The four alleged suicide bombers",
    "Shahzad Tanweer, 22, attended Leeds Metropolitan University, where he studied sports science.",
    "Hasib Hussain, 18, from Leeds.",
    "Mohammed Sidique Khan, 30, born in Pakistan, from Dewsbury.",
    "Lindsey Germaine: Piccadilly Line train, Jamaican-born resident of Aylesbury.",
    "Shahzad and Hasib were reported missing by their families the previous week.",
    "The suspects were caught on surveillance camera arriving at Kings Cross station at 08:30 BST, each carrying military style back packs, on the day of the blasts.",
    "The suspects were then seen going their separate ways twenty minutes before the explosions.",
    "It is suspected that the delayed fourth bombing aboard a double-decker bus was intended for travelers on the Northern Line, which had been suspended earlier that morning.",
    "Alleged accomplices",
    "Magdi Asdi el-Nashar: renter of a house where explosives were found; an Egyptian-born biochemistry lecturer who has disappeared",
    "Ejaz Fiaz (also named as Eliaz Fiaz): possible co-conspirator, in his early thirties, from Beeston, Leeds.",
    "Initially thought to have been the suicide bomber on the Piccadilly Line train.",
    "Unnamed co-conspirator: an Al Qaeda operative believed to be the bomb-maker and cell organizer, described as a Pakistani in his 30s, who entered Britain through a port some time in June 2005, and left the country on 6 July.",
    "Mustafa Setmariam Nasar: suspected planner also believed to have organized the 11 March 2004 Madrid bombings.",
]

M0012 = [
    "The Metropolitan Police released two photographs at 15:30 today as a result of an intense investigation into London bomb attacks of last week.",
    "The photographs show Hassib Hussain who is believed to be bomber of London bus #30.",
    "The first photograph is a passport photo of Hasib Hussain and the second shows is a crop of a CCTV image from Luton station at 7:20 on the day of the attack.",
    "The Metropolitan Police claimed in a statement that they believe that the 18 year old traveled from West Yorkshire in the company of three men.",
    "He was seen at Luton Station at 07.20 on the morning of the bombings.",
    "Police are trying to gain more eyewitness information and have asked the public to call the telephone number: 0800 789321 (+44 800 789321 if outside the UK) if they saw Hussain last Thursday around the Kings Cross area.",
    "The Metropolitan Police made a request for any additional information about Hasib's whearabouts after he left Luton.",
    "\"We need to establish his movements between 8.26am at King's Cross and 9.47am on the #30 bus when the explosion occurred.",
    "Did you see this man at King's Cross?",
    "Was he alone or with others?",
    "Do you know the route he took from the station?",
    "Did you see him get on to a #30 bus?",
    'And if you did, where and when was that."',
]

# --- WikiNews pairs (tuning set: first three; held out: the last) ------------------------------------

DATA = [
    Gold(
        "air-france-wreckage",
        M0082,
        M0083,
        shared={(0, 0), (2, 2), (7, 7)},
        related={(1, 0), (8, 1), (8, 5), (4, 4)},
        maybe={(4, 3), (3, 0), (0, 2), (1, 7), (3, 3), (0, 3), (2, 3), (4, 0), (8, 6), (4, 2)},
        negative={(5, 2), (6, 1)},
        conflicts=[{(1, 0)}, {(8, 1)}],
        conflict_maybe={(3, 0), (3, 3), (1, 3)},
    ),
    Gold(
        "tsunami-toll",
        M0006,
        M0008,
        shared={(1, 3), (3, 17)},
        related={(0, 0), (4, 1), (1, 16), (1, 14)},
        maybe={
            (0, 12),
            (0, 13),
            (0, 14),
            (0, 15),
            (3, 12),
            (1, 0),
            (0, 16),
            (1, 13),
            (1, 12),
            (1, 15),
            (2, 0),
            (0, 11),
            (1, 11),
        },
        negative={(0, 3), (3, 3)},
        conflicts=[{(0, 0), (0, 12), (0, 13)}],
        conflict_maybe={(1, 16), (1, 14), (1, 0), (0, 14), (0, 15), (1, 13), (1, 15), (1, 12)},
    ),
    Gold(
        "olympic-torch-london",
        M0092,
        M0099,
        shared={(3, 7), (4, 4)},
        related={(3, 1), (5, 0), (5, 6)},
        maybe={(3, 0), (6, 3), (4, 5), (6, 0), (4, 1), (4, 2), (6, 6), (8, 4), (3, 4)},
        negative={(1, 1), (7, 5)},
        conflicts=[],
        conflict_maybe={(4, 4)},
    ),
]

HELD_OUT = Gold(
    "london-bombers",
    M0011,
    M0012,
    shared=set(),
    related={(4, 3), (4, 1), (8, 7), (10, 1), (0, 0)},
    maybe={
        (4, 2),
        (8, 5),
        (8, 2),
        (10, 7),
        (8, 4),
        (4, 5),
        (4, 6),
        (3, 1),
        (7, 6),
        (9, 7),
        (8, 8),
        (10, 11),
    },
    negative={(7, 4), (5, 3)},
    conflicts=[],
    conflict_maybe={(8, 7)},
)
