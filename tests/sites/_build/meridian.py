"""Generate the "meridian" fixture news site: the site the crawler has never seen.

Run ``python tests/sites/_build/meridian.py`` to rewrite ``tests/sites/meridian/``
deterministically (the folder is deleted first). The site is served by
``newscrawl.devserver.SiteServer``; absolute URLs carry the literal token
``{{ORIGIN}}``, replaced by the server's origin at serve time.

Everything is invented: The Meridian covers a fictional river city. The site is
modelled on a modern news site (not WordPress): ``/<section>/<slug>-<id>`` URLs,
a "Load more" news feed, an RSS feed of only the 15 latest stories, a news
sitemap, and the usual traps (calendar archive, AMP copy, tracking parameter,
live blog, video page, PDF link, robots-disallowed paths).

The gold answers go to ``tests/sites/meridian/_expected.json``.
"""

from __future__ import annotations

import base64
import html
import json
import math
import re
import shutil
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

OUT = Path(__file__).resolve().parent.parent / "meridian"
TZ = ZoneInfo("Europe/Kyiv")
ORIGIN = "{{ORIGIN}}"
SITE_NAME = "The Meridian"
DESK = "The Meridian news desk"
SECTIONS = {"news": "News", "business": "Business", "culture": "Culture", "opinion": "Opinion"}
FEED_PAGE_SIZE = 6
RSS_SIZE = 15
ARCHIVE_START = date(2024, 12, 10)
ARCHIVE_DAYS = 60
NEWSLETTER_UTM = "?utm_source=newsletter"

# A 1x1 JPEG: every photo of the site points to a real image file.
JPEG = base64.b64decode(
    "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////"
    "////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAA"
    "AAAAAP/aAAgBAQABPxA="
)

# A minimal, valid one-page PDF.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

#: A body block: a paragraph, or ("h2", text), ("quote", text), ("ul", items).
Block = str | tuple[str, str] | tuple[str, tuple[str, ...]]


@dataclass(frozen=True)
class Story:
    """One article: its text and where the site links it from."""

    id: int
    section: str
    slug: str
    title: str
    local: str
    authors: tuple[str, ...]
    tags: tuple[str, ...]
    caption: str
    credit: str
    body: tuple[Block, ...]
    desk: bool = True
    only_from: str | None = None
    modified: str | None = None

    @property
    def path(self) -> str:
        return f"/{self.section}/{self.slug}-{self.id}"

    @property
    def published(self) -> datetime:
        return datetime.strptime(self.local, "%Y-%m-%d %H:%M").replace(tzinfo=TZ)

    @property
    def modified_dt(self) -> datetime | None:
        if self.modified is None:
            return None
        return datetime.strptime(self.modified, "%Y-%m-%d %H:%M").replace(tzinfo=TZ)

    @property
    def image(self) -> str:
        return f"/images/{self.slug}.jpg"


# Stories in publication order (oldest first). Ids grow with time, as on real sites.
STORIES: list[Story] = [
    Story(
        id=48113,
        section="business",
        slug="port-autumn-cargo-figures-grain-barges",
        title="Port authority publishes autumn cargo figures as grain barges return",
        local="2024-10-25 09:40",
        authors=("Dmytro Savchuk",),
        tags=("Port", "Economy"),
        caption="Grain barges moored at the Meridian river port on Oct. 24, 2024.",
        credit="Photo: Dmytro Savchuk / The Meridian",
        only_from="sitemap",
        body=(
            "The Meridian river port handled 1.4 million tonnes of cargo between July and "
            "September, its highest quarterly figure in three years, the port authority said "
            "on Friday as the first convoy of grain barges since the spring floods tied up at "
            "the northern quay.",
            "Grain made up more than half of the volume. Barges loaded at the Millford "
            "elevators now reach the estuary in four days, a day faster than last year, after "
            "dredging work deepened the channel below the Chain Bridge.",
            "Port director Vasyl Horban said the autumn season would decide whether the "
            "authority can afford the second phase of the quay reconstruction, which is "
            "estimated to cost 18 million euros.",
            "Shipping agents were more cautious. Several of them told The Meridian that fuel "
            "prices and a shortage of licensed pilots were keeping barges waiting for days at "
            "the lock in Dovhe, fifty kilometres downstream.",
            "The authority plans to publish its winter forecast in December, together with "
            "new tariffs for container traffic.",
        ),
    ),
    Story(
        id=48127,
        section="culture",
        slug="old-quay-clock-tower-restoration-first-phase",
        title="Restorers finish first phase of work on the Old Quay clock tower",
        local="2024-10-26 18:05",
        authors=("Sofia Bondar",),
        tags=("Heritage", "Old Quay"),
        caption="Scaffolding comes down from the Old Quay clock tower.",
        credit="Photo: Sofia Bondar / The Meridian",
        only_from="sitemap",
        body=(
            "The scaffolding that has hidden the Old Quay clock tower since last winter came "
            "down on Saturday, revealing a restored facade of pale limestone and a copper roof "
            "that will turn green again within a decade.",
            "The tower was built in 1871 for the harbour master, who rang its bell to announce "
            "the arrival of steamers from the estuary. It lost its clock mechanism during a "
            "fire in 1944 and has stood silent ever since.",
            ("h2", "A clock without hands, for now"),
            "The second phase, planned for next year, will install a rebuilt mechanism made by "
            "a workshop in Lviv from surviving drawings. Until then the four dials remain "
            "empty, which has already made the tower a favourite with photographers.",
            "The restoration has cost 2.3 million hryvnias so far, most of it raised by a "
            "foundation of former dock workers and their families.",
            "Volunteers from the Old Quay history society catalogued more than 400 objects "
            "found in the walls during the work, including bottles, coins and a sailor's "
            "pocket knife.",
            "Guided visits to the first floor, where the harbour master kept his ledgers, "
            "will start in spring.",
        ),
    ),
    Story(
        id=48202,
        section="news",
        slug="city-council-approves-2025-budget-bridges",
        title="City council approves 2025 budget with record spending on bridges",
        local="2024-11-20 08:15",
        authors=("Taras Lenko",),
        tags=("City Council", "Bridges", "Budget"),
        caption="Council members vote on the 2025 budget at Meridian City Hall.",
        credit="Photo: Taras Lenko / The Meridian",
        body=(
            "Meridian City Council approved next year's budget late on Tuesday after an "
            "eleven-hour session, setting aside a record 1.9 billion hryvnias for the repair "
            "of the city's five road bridges over the Veln.",
            "The vote passed by 38 to 9. Opposition members argued that the bridge programme "
            "had been inflated by contracts signed before any engineering survey, and demanded "
            "a public audit of the Chain Bridge works.",
            ("h2", "Where the money goes"),
            "Bridges take the largest share of capital spending for the first time since the "
            "city began publishing its budget online in 2012. The main items are:",
            (
                "ul",
                (
                    "the deck replacement of the Chain Bridge, due to finish in 2026;",
                    "new bearings and lighting for the Northbank Bridge;",
                    "a design competition for a pedestrian crossing to Ostrova island.",
                ),
            ),
            "Spending on schools rises by six percent, slightly below the expected rate of "
            "inflation, while the transport department receives money for twelve new trams.",
            ("h2", "Debt remains low"),
            "The city finance director, Larysa Kozak, said borrowing would stay below ten "
            "percent of revenue, which keeps Meridian's credit rating unchanged.",
        ),
    ),
    Story(
        id=48219,
        section="business",
        slug="heat-and-power-river-source-heat-pumps",
        title="Meridian Heat & Power signs deal for river-source heat pumps",
        local="2024-11-21 14:30",
        authors=("Marta Hrytsai",),
        tags=("Energy", "Heating"),
        caption="The Northbank thermal plant, where the first heat pump will be installed.",
        credit="Photo: Meridian Heat & Power",
        modified="2024-11-21 18:02",
        body=(
            "Meridian Heat & Power, the municipal heating company, has signed a contract for "
            "two large heat pumps that will draw warmth from the Veln and feed it into the "
            "district heating network of Northbank.",
            "The pumps, each with a capacity of twelve megawatts, will be installed next to "
            "the Northbank thermal plant by the end of 2025. The company says they will cover "
            "a quarter of the district's winter demand and cut gas use by a similar share.",
            "River water in winter is only a few degrees above freezing, but that is enough: "
            "the pumps extract heat from large volumes of water and return it slightly cooler "
            "downstream.",
            (
                "quote",
                "We have been burning gas to heat a city that sits on a river full of energy. "
                "This is the first step to change that.",
            ),
            "The quote came from chief executive Oleh Marchenko at the signing ceremony. The "
            "project is financed by a loan from a European development bank and a municipal "
            "guarantee.",
            "Environmental groups welcomed the deal but asked the company to publish data on "
            "water temperatures below the outlet, where fish spawn in spring.",
        ),
    ),
    Story(
        id=48236,
        section="culture",
        slug="riverside-gallery-nadia-vorona-retrospective",
        title="Riverside Gallery opens retrospective of painter Nadia Vorona",
        local="2024-11-22 11:00",
        authors=("Iryna Koval",),
        tags=("Art", "Exhibitions"),
        caption="Visitors look at Nadia Vorona's river landscapes at the Riverside Gallery.",
        credit="Photo: Iryna Koval / The Meridian",
        body=(
            "The largest exhibition yet of the painter Nadia Vorona opened at the Riverside "
            "Gallery on Friday, bringing together 112 works from museums and private "
            "collections across the country.",
            "Vorona, who died in 1998, spent most of her life in a wooden house on Ostrova "
            "island and painted the Veln in every season. Her winter canvases, with their "
            "grey ice and black barges, are among the most reproduced images of the city.",
            "The curators have hung the paintings by decade rather than by theme, which shows "
            "how her palette darkened after the floods of 1970 and lightened again in the "
            "last years of her life.",
            "Several works have never been shown in public before, including a series of "
            "small studies of dock workers lent by the artist's nephew.",
            "The gallery has also published a catalogue with essays by three art historians "
            "and letters that Vorona wrote to her sister about the changing light on the "
            "water.",
            "The exhibition runs until the end of March. Entry is free on the first Sunday "
            "of each month.",
        ),
    ),
    Story(
        id=48251,
        section="news",
        slug="fc-meridian-beat-kostrov-regional-cup-semi-final",
        title="FC Meridian beat Kostrov 2-1 to reach the regional cup semi-final",
        local="2024-11-24 19:45",
        authors=("Yurii Tkach",),
        tags=("Sport", "Football"),
        caption="FC Meridian players celebrate the winning goal at the Embankment Stadium.",
        credit="Photo: Yurii Tkach / The Meridian",
        body=(
            "A header from defender Maksym Rudenko in the 87th minute sent FC Meridian into "
            "the semi-final of the regional cup on Sunday, after a tense 2-1 win over Kostrov "
            "in front of 6,000 fans at the Embankment Stadium.",
            "Kostrov took the lead against the run of play shortly before half-time, when a "
            "long ball caught the home defence too far up the pitch.",
            "Meridian equalised through a penalty by captain Roman Hnatyuk ten minutes after "
            "the break and pressed for the rest of the match. Rudenko's winner came from a "
            "corner that the Kostrov goalkeeper misjudged in the wind.",
            "The semi-final will be played at the Embankment Stadium on Dec. 15. The club "
            "said season ticket holders would be able to buy seats two days before general "
            "sale opens.",
            "Meridian have not won the regional cup since 2011, when they beat Dovhe on "
            "penalties in the final.",
            "Coach Serhii Lytvyn said his side had been too slow in the first half and would "
            "need to improve against Dovhe, the holders, in the semi-final next month.",
        ),
    ),
    Story(
        id=48266,
        section="news",
        slug="ostrova-ferry-suspended-winter-repairs",
        title="Ferry service to Ostrova island suspended for winter repairs",
        local="2024-11-26 07:50",
        authors=("Olena Pavliuk",),
        tags=("Transport", "Ostrova", "River"),
        caption="The Ostrova ferry at its landing stage below the Old Quay.",
        credit="Photo: Olena Pavliuk / The Meridian",
        body=(
            "The ferry between the Old Quay and Ostrova island will stop running from Monday "
            "for six weeks while its engine and landing stages are repaired, Meridian City "
            "Transit said.",
            "About 1,200 people live on the island, which has no road bridge. During the "
            "repairs a replacement boat with space for 40 passengers will run every hour "
            "between 6 a.m. and 10 p.m.",
            ("h2", "Deliveries by night"),
            "Shops on the island will receive goods by a chartered barge twice a week. "
            "Residents who need medical transport have been asked to register with the "
            "district office so that an ambulance boat can be arranged.",
            "The district office said pensioners would be able to travel on the replacement "
            "boat free of charge, as they do on the ferry, on showing their usual transit "
            "card to the crew.",
            "Island residents have complained for years that the ferry, built in 1986, breaks "
            "down too often. The transit company says a new electric ferry has been ordered "
            "and should arrive in 2026.",
        ),
    ),
    Story(
        id=48280,
        section="business",
        slug="northbank-shipyard-hires-300-barge-orders",
        title="Shipyard on Northbank hires 300 workers for new barge orders",
        local="2024-11-27 16:20",
        authors=("Dmytro Savchuk",),
        tags=("Economy", "Port", "Jobs"),
        caption="Welders at work on a barge hull at the Northbank shipyard.",
        credit="Photo: Dmytro Savchuk / The Meridian",
        modified="2024-11-28 09:30",
        body=(
            "The Northbank shipyard will hire 300 workers over the next six months after "
            "winning orders for 14 river barges from two grain traders, its owners said on "
            "Wednesday.",
            "It is the largest recruitment at the yard since its privatisation in 2003. The "
            "company is looking for welders, electricians and crane operators, and will train "
            "about a hundred apprentices with the city's technical college.",
            "The yard's order book had been almost empty two years ago. Its managing director, "
            "Nataliia Shevchuk, said demand for river transport had grown as traders looked "
            "for cheaper routes to the estuary ports.",
            "Trade unions welcomed the news but said wages at the yard remained below the "
            "regional average for skilled work, which has pushed many young welders to leave "
            "for jobs abroad.",
            "The city's employment centre said it would help former dock workers who lost "
            "their jobs when the container terminal closed to apply, and would pay part of "
            "their retraining costs.",
            "The first of the new barges is due to be launched in August.",
        ),
    ),
    Story(
        id=48294,
        section="opinion",
        slug="meridian-needs-a-river-plan-not-a-parking-garage",
        title="Opinion: Meridian needs a river plan, not another parking garage",
        local="2024-11-28 12:10",
        authors=("Lev Ostapenko",),
        desk=False,
        tags=("Transport", "Urban planning"),
        caption="Cars parked along the embankment near the Chain Bridge.",
        credit="Photo: Iryna Koval / The Meridian",
        body=(
            "Every few years the city council discovers that the Old Quay has too many cars "
            "and too few parking spaces, and every few years it answers with the same idea: "
            "another multi-storey garage. The latest one would rise six floors above the "
            "embankment, blocking the view of the river from the market square.",
            "I have lived near the quay for thirty years. The traffic has never been solved "
            "by more parking, because more parking brings more cars. What the quay lacks is "
            "a way to reach it without a car.",
            ("h2", "The river is our best road"),
            "Meridian was built on the Veln because the river was the fastest route anywhere. "
            "We have forgotten that. A water bus linking Northbank, the Old Quay and Millford "
            "would take minutes where the bridges take half an hour at rush hour.",
            "Other river cities have done this cheaply, with small electric boats and simple "
            "landing stages. The money set aside for the garage would pay for a fleet of six "
            "boats and ten years of operation.",
            "The council should publish a river transport plan before it pours a single "
            "cubic metre of concrete. If the garage is still the best answer after that, so "
            "be it. I doubt it will be.",
            "Lev Ostapenko is an urban planner and a former deputy head of the city's "
            "architecture department.",
        ),
    ),
    Story(
        id=48309,
        section="news",
        slug="region-villages-new-bus-links-january",
        title="Region's villages to get new bus links from January",
        local="2024-11-29 09:05",
        authors=("Olena Pavliuk",),
        tags=("Region", "Transport", "Buses"),
        caption="A regional bus at the Meridian coach station.",
        credit="Photo: Olena Pavliuk / The Meridian",
        only_from="more_news",
        body=(
            "Twenty-three villages in the Meridian region will be connected to the city by "
            "regular bus services from January, the regional administration announced on "
            "Friday.",
            "Many of the villages lost their last bus route during the pandemic, when "
            "private operators cut services that no longer paid. Since then, residents "
            "without cars have relied on neighbours or on expensive taxis to reach hospitals "
            "and markets.",
            "The new routes will be run under contracts paid for by the region, with fixed "
            "timetables and a single ticket price of 30 hryvnias. The new timetable includes:",
            (
                "ul",
                (
                    "four daily buses from the villages along the Dovhe road;",
                    "a morning and evening service to the hospital in Dovhe;",
                    "a weekend market bus to the Millford square.",
                ),
            ),
            "The region will pay operators about 48 million hryvnias a year for the routes. "
            "Officials said the cost would be reviewed after twelve months, once passenger "
            "numbers are known.",
            "Village heads said the plan was a good start but asked for buses that can carry "
            "wheelchairs, which the first contracts do not require.",
        ),
    ),
    Story(
        id=48323,
        section="culture",
        slug="winter-light-festival-returns-embankment",
        title="Winter Light Festival returns to the embankment with 40 installations",
        local="2024-12-01 13:25",
        authors=("Iryna Koval",),
        tags=("Festivals", "Winter Light"),
        caption="A light installation reflected in the Veln during a test run.",
        credit="Photo: Iryna Koval / The Meridian",
        body=(
            "Forty light installations by artists from nine countries will line the Veln "
            "embankment from Dec. 13 to Jan. 7 as the Winter Light Festival returns for its "
            "eleventh edition.",
            "This year's theme is water. The largest piece, a fifty-metre wave of fibre-optic "
            "cable, will hang beneath the Chain Bridge and change colour with the river's "
            "current, measured by sensors upstream.",
            ("h2", "Shorter hours to save power"),
            "The organisers have shortened the opening hours to 5 p.m. until 10 p.m. and say "
            "most works now run on batteries charged by solar panels during the day.",
            (
                "quote",
                "People need light in winter, but they also need to know we are not wasting "
                "power that hospitals and homes depend on.",
            ),
            "That was how festival director Ruslana Ivchenko put it at a press briefing. "
            "Entry remains free, and a guided walk for families will start at the Old Quay "
            "clock tower every evening at 6 p.m.",
            "Trams on line T1 will run every ten minutes until midnight during the festival, "
            "and the transit company will add extra night trams on weekends.",
        ),
    ),
    Story(
        id=48338,
        section="news",
        slug="night-tram-n2-holidays",
        title="Night tram line N2 to run through the holidays",
        local="2024-12-02 10:40",
        authors=("Taras Lenko",),
        tags=("Transport", "Trams"),
        caption="A night tram crosses the Northbank Bridge.",
        credit="Photo: Meridian City Transit",
        body=(
            "The night tram N2, which was due to stop running at the end of November, will "
            "continue until Jan. 15 after a petition signed by more than 8,000 residents, "
            "Meridian City Transit said on Monday.",
            "The line runs every thirty minutes between midnight and 5 a.m. from the railway "
            "station through the Old Quay to Northbank. It was launched as a trial in "
            "September for hospital and bakery workers on night shifts.",
            "Passenger numbers have been higher than expected, with an average of 900 trips "
            "a night, the transit company said. It will decide in January whether to make "
            "the line permanent.",
            "Night shift workers told The Meridian the line had changed their lives. A nurse "
            "at the city hospital said she used to spend a third of her wages on taxis home.",
            "The transit company said it would also consider a second night line to Millford "
            "if the budget for next year allowed it.",
            "Tickets cost the same as on day trams, and monthly passes are valid.",
        ),
    ),
    Story(
        id=48352,
        section="business",
        slug="audit-district-heating-losses-fell-fifth",
        title="Audit finds district heating losses fell by a fifth",
        local="2024-12-03 15:55",
        authors=("Marta Hrytsai",),
        tags=("Energy", "Heating", "Audit"),
        caption="Engineers inspect a heating main under Kalyna Avenue.",
        credit="Photo: Marta Hrytsai / The Meridian",
        body=(
            "Heat lost from Meridian's district heating pipes fell by 21 percent over two "
            "years, according to an independent audit published on Tuesday by the city's "
            "energy department.",
            "The audit credits the replacement of 46 kilometres of old steel mains with "
            "pre-insulated pipes, most of them in the Millford and Old Quay districts, where "
            "losses had been the highest.",
            ("h2", "Still far from the target"),
            "Even after the improvement, about a sixth of the heat produced by Meridian Heat "
            "& Power never reaches a radiator. The city's target is to bring losses below ten "
            "percent by 2030.",
            'The full audit is available as a PDF: <a href="/files/report.pdf">District '
            "heating audit 2024</a>.",
            "The energy department said it would use the findings to decide which districts "
            "get new pipes next summer. Northbank, where the network was renewed in the "
            "2000s, is expected to wait longest.",
            "The auditors also found that a third of apartment buildings still have no heat "
            "meters, which makes it impossible to bill residents for what they actually use.",
        ),
    ),
    Story(
        id=48367,
        section="news",
        slug="veln-water-levels-ten-year-low",
        title="Water levels on the Veln fall to a ten-year low",
        local="2024-12-04 08:30",
        authors=("Andrii Melnyk",),
        tags=("River", "Environment"),
        caption="Sandbanks exposed by low water near the Millford elevators.",
        credit="Photo: Andrii Melnyk / The Meridian",
        modified="2024-12-04 12:45",
        body=(
            "The Veln fell to 1.12 metres at the Chain Bridge gauge on Wednesday morning, its "
            "lowest December level in ten years, after an autumn with half the usual rain.",
            "Sandbanks have appeared along the Millford bank, and barges loaded with grain "
            "are leaving the port with lighter cargoes to avoid running aground in the "
            "shallows below Dovhe.",
            "Hydrologists at the regional weather service said the level could recover "
            "quickly if snow falls in the mountains upstream in the coming weeks, but warned "
            "that dry winters are becoming more common.",
            "The port authority said it was in talks with the national waterways agency about"
            " emergency dredging near the lock in Dovhe, where the channel is narrowest.",
            "Fishermen on the Millford bank reported dead fish in shallow backwaters last "
            "week, and the regional environment inspectorate has taken water samples for "
            "testing.",
            "The city water company said drinking water supplies were not affected because "
            "its intake lies in the deep channel near Northbank.",
        ),
    ),
    Story(
        id=48381,
        section="culture",
        slug="opera-house-first-new-opera-in-a-decade",
        title="Meridian Opera House stages first new opera in a decade",
        local="2024-12-05 17:10",
        authors=("Sofia Bondar",),
        tags=("Opera", "Music"),
        caption="A dress rehearsal of The Ferryman's Daughter.",
        credit="Photo: Meridian Opera House",
        modified="2024-12-05 19:30",
        body=(
            "The Meridian Opera House will premiere The Ferryman's Daughter on Saturday, its "
            "first new commission since 2014, with a libretto based on stories collected "
            "from families on Ostrova island.",
            "The composer, Kyrylo Demchenko, is 31 and grew up in Millford. He said he wrote "
            "most of the score in a rented room overlooking the ferry landing.",
            (
                "quote",
                "I wanted the orchestra to sound like the river at night: heavy, slow, and "
                "never quite still.",
            ),
            "The production uses a cast of 24 singers and a children's choir from the Old "
            "Quay music school. The set, a wooden landing stage that rotates during the "
            "second act, was built in the theatre's own workshops.",
            "The opera will also be broadcast live on the city's public radio station on the "
            "opening night, and a recording will be available online for a month afterwards.",
            "Tickets for the first three performances sold out within a day, and the theatre "
            "has added two dates in January.",
        ),
    ),
    Story(
        id=48396,
        section="news",
        slug="cyclists-protected-lanes-kalyna-avenue",
        title="Cyclists get protected lanes on Kalyna Avenue",
        local="2024-12-06 11:45",
        authors=("Taras Lenko",),
        tags=("Transport", "Cycling"),
        caption="The new protected cycle lane on Kalyna Avenue.",
        credit="Photo: Taras Lenko / The Meridian",
        body=(
            "Kalyna Avenue, one of Meridian's busiest streets, has its first protected cycle "
            "lanes, separated from traffic by a low concrete kerb, after three months of "
            "construction.",
            "The lanes run for 2.4 kilometres in both directions between the railway station "
            "and the Northbank Bridge. One lane of car traffic was removed on each side to "
            "make room for them.",
            "Cycling groups counted more than 1,500 riders on the first weekday, three times "
            "the number they recorded on the avenue in the spring.",
            "The city plans to extend the lanes across the Northbank Bridge next year and to "
            "build a second route along the embankment to Millford by 2026.",
            "Transport officials said they would publish traffic counts for cars and buses on"
            " the avenue in the spring, so residents can judge the effect of the change for "
            "themselves.",
            "Some shop owners said deliveries had become harder, and the city has promised "
            "loading bays on the side streets by the end of the year.",
        ),
    ),
    Story(
        id=48410,
        section="news",
        slug="rivermen-basketball-derby-overtime",
        title="Meridian Rivermen basketball team wins derby in overtime",
        local="2024-12-07 20:15",
        authors=("Yurii Tkach",),
        tags=("Sport", "Basketball"),
        caption="Rivermen guard Artem Zhuk drives to the basket against Dovhe.",
        credit="Photo: Yurii Tkach / The Meridian",
        body=(
            "The Meridian Rivermen beat their neighbours from Dovhe 94-89 after overtime on "
            "Saturday, in a derby watched by a sold-out crowd of 3,200 at the Millford Arena.",
            "Dovhe led by eleven points early in the fourth quarter before the Rivermen "
            "switched to a full-court press that forced six turnovers in four minutes.",
            "Guard Artem Zhuk scored 31 points, including the three-pointer that sent the "
            "game into overtime with two seconds on the clock.",
            "Centre Oleksii Dudnyk added 18 points and 12 rebounds despite playing most of "
            "the second half with four fouls.",
            "Dovhe coach Viktor Haidai said his team had run out of energy after a long week "
            "with two away games, and praised the home crowd for the noise that greeted the "
            "comeback.",
            "The Rivermen play their last game of the year away at Kostrov on Dec. 21.",
            "The win lifts the Rivermen to third place in the league, one game behind the "
            "leaders, before the winter break.",
        ),
    ),
    Story(
        id=48424,
        section="business",
        slug="startups-move-into-millford-grain-elevator",
        title="Startups move into the old grain elevator at Millford",
        local="2024-12-08 09:20",
        authors=("Marta Hrytsai",),
        tags=("Economy", "Startups"),
        caption="The converted grain elevator at Millford, now offices and workshops.",
        credit="Photo: Marta Hrytsai / The Meridian",
        body=(
            "Twenty small companies have moved into the converted grain elevator at Millford, "
            "a concrete landmark that stood empty for fifteen years before a local developer "
            "bought it in 2021.",
            "The building's tall silos have been cut into floors of offices and workshops. "
            "The tenants include a maker of river sensors, two software firms and a bakery "
            "that roasts its own grain on the ground floor.",
            "Rents are about a third lower than in the Old Quay, which the developer says is "
            "possible because the city waived property tax for five years.",
            "Several tenants said they chose the building because of its history. The founder"
            " of the sensor company said his grandfather had worked as a weigher in the "
            "elevator in the 1970s.",
            "The developer is now looking for tenants for the last two floors, which will be "
            "finished in February, and says it has received interest from a design school and"
            " a recording studio.",
            "The elevator's owners plan to open a rooftop cafe with a view over the port in "
            "the summer.",
        ),
    ),
    Story(
        id=48439,
        section="news",
        slug="power-cuts-three-districts-substation-fault",
        title="Power cuts hit three districts after substation fault",
        local="2024-12-08 16:40",
        authors=("Andrii Melnyk",),
        tags=("Energy", "Power grid"),
        caption="Repair crews at the Millford substation.",
        credit="Photo: Andrii Melnyk / The Meridian",
        only_from="feed",
        body=(
            "About 40,000 households in Millford, Northbank and the Old Quay lost power for up "
            "to four hours on Sunday afternoon after a transformer failed at the Millford "
            "substation.",
            "Trams on three lines stopped between stations, and passengers were led out by "
            "transit staff. Traffic lights went dark on Kalyna Avenue, where police directed "
            "traffic until power returned.",
            "The grid operator said the transformer, installed in 1979, had overheated and "
            "that a replacement unit would be brought from its reserve stock within a week.",
            "Hospitals switched to backup generators during the outage and no patients were "
            "affected, the city health department said.",
            "Residents on the upper floors of apartment blocks in Northbank were left without"
            " water for several hours because the pumps that supply their buildings stopped "
            "working.",
            "The city council's energy commission has asked the operator to explain why the "
            "reserve transformer, ordered two years ago, had still not been installed.",
            "Until then, the operator warned, short scheduled cuts may be needed in the "
            "evening peak if demand rises during cold weather.",
        ),
    ),
    Story(
        id=48453,
        section="news",
        slug="dovhe-hospital-opens-maternity-ward",
        title="Regional hospital in Dovhe opens new maternity ward",
        local="2024-12-09 07:35",
        authors=("Olena Pavliuk",),
        tags=("Region", "Health"),
        caption="A midwife in one of the new delivery rooms at Dovhe hospital.",
        credit="Photo: Olena Pavliuk / The Meridian",
        body=(
            "The regional hospital in Dovhe opened a new maternity ward on Monday with twelve "
            "delivery rooms, a neonatal unit and its own backup power supply.",
            "Until now, women from the southern half of the region had to travel to Meridian "
            "to give birth in a hospital with intensive care for newborns, a journey of up to "
            "two hours on winter roads.",
            "The ward cost 96 million hryvnias, shared between the regional budget and an "
            "international donor. Eight midwives and four neonatologists have been hired.",
            "The ward was designed with help from midwives at the Meridian city hospital, who"
            " spent two months training their new colleagues in Dovhe before the opening.",
            "The regional administration said a similar unit would open in the northern town "
            "of Kostrov in 2026 if funding is confirmed in next year's budget.",
            "Head doctor Halyna Stepanenko said the hospital expects about 1,100 births a year, "
            "and that expectant mothers from the villages would be able to stay in a small "
            "guest house next to the ward in the last days before delivery.",
        ),
    ),
    Story(
        id=48468,
        section="culture",
        slug="chain-bridge-book-market-30-years",
        title="Book market under the Chain Bridge celebrates 30 years",
        local="2024-12-09 13:50",
        authors=("Sofia Bondar",),
        tags=("Books", "Old Quay"),
        caption="Second-hand book stalls under the arches of the Chain Bridge.",
        credit="Photo: Sofia Bondar / The Meridian",
        body=(
            "The second-hand book market under the arches of the Chain Bridge marked its "
            "thirtieth birthday on Monday with readings, a brass band and a cake shaped like "
            "a stack of paperbacks.",
            "The market began in 1994 with four tables set up by unemployed teachers who sold "
            "their own libraries. Today about sixty traders sell books, maps and records "
            "every day except Tuesday.",
            "Trader Petro Levchuk, who has kept the same stall since the first week, said "
            "the market had survived floods, bridge repairs and the internet.",
            "Readers of all ages came to the celebration. A student from the technical "
            "college said she had found most of her engineering textbooks at the market for a"
            " fraction of their price.",
            "The traders' association is collecting memories and photographs from the "
            "market's first years for a small book that it hopes to publish in the spring.",
            "The city has promised to repair the lighting under the arches, which traders "
            "say has not worked properly for years.",
        ),
    ),
    Story(
        id=48482,
        section="business",
        slug="airport-bus-contract-local-operator",
        title="Airport bus contract goes to local operator",
        local="2024-12-09 18:25",
        authors=("Dmytro Savchuk",),
        tags=("Transport", "Airport", "Buses"),
        caption="An airport express bus at the railway station stop.",
        credit="Photo: Dmytro Savchuk / The Meridian",
        modified="2024-12-10 08:15",
        body=(
            "A Meridian company, Veln Coaches, has won a seven-year contract to run the "
            "express bus between the railway station and Meridian airport, beating two "
            "national operators.",
            "The company promised a bus every twenty minutes from 5 a.m. to midnight, and a "
            "fleet of electric coaches from 2026. The fare will stay at 80 hryvnias.",
            "One of the losing bidders said it would appeal, arguing that the tender gave "
            "too much weight to local employment.",
            "The current operator, whose contract ends in March, has been criticised for old "
            "buses and missed departures in the early morning, when many flights leave.",
            "Veln Coaches employs 140 people and runs suburban routes to Millford and Dovhe. "
            "Its director said the company would hire thirty drivers for the airport line.",
            "The city transport department said the tender had followed national rules and "
            "that the appeal would not delay the start of the new service.",
            "The airport handled 1.1 million passengers this year, a record.",
        ),
    ),
    Story(
        id=48497,
        section="news",
        slug="schools-winter-timetable-save-energy",
        title="Schools in Meridian switch to winter timetable to save energy",
        local="2024-12-10 10:05",
        authors=("Andrii Melnyk",),
        tags=("Energy", "Education"),
        caption="Pupils arrive at School No. 14 in Northbank.",
        credit="Photo: Andrii Melnyk / The Meridian",
        body=(
            "Meridian's 64 schools will start lessons an hour later and close on Fridays from "
            "Dec. 16 until the end of February, the city education department said on Tuesday.",
            "The change will cut heating and lighting costs by about 15 percent, the "
            "department estimates. Fridays will be used for online lessons and homework "
            "clubs held in libraries.",
            ("h2", "Parents divided"),
            "A parents' association said many families could not leave younger children "
            "alone on Fridays and asked for supervised classrooms in every district.",
            "Teachers' unions said they supported the plan as long as their pay was not "
            "affected by the shorter week.",
            "Last winter, several schools in Millford had to close for days after their "
            "boilers failed during a cold spell, and the department said it wanted to avoid a"
            " repeat.",
            "Kindergartens are not affected by the change and will keep their normal hours.",
            "The department said each school would keep at least one heated room open on "
            "Fridays for pupils who need it.",
        ),
    ),
    Story(
        id=48511,
        section="culture",
        slug="northbank-jazz-quartet-national-prize",
        title="Young jazz quartet from Northbank wins national prize",
        local="2024-12-10 14:40",
        authors=("Iryna Koval",),
        tags=("Music", "Jazz"),
        caption="The Low Water Quartet performing at the awards ceremony.",
        credit="Photo: Iryna Koval / The Meridian",
        body=(
            "The Low Water Quartet, four musicians in their early twenties from Northbank, "
            "won the national young jazz prize on Tuesday with a set of their own "
            "compositions about life on the river.",
            "The band formed three years ago at the Old Quay music school. Saxophonist Zlata "
            "Moroz writes most of the tunes, which mix jazz with the folk songs of barge "
            "crews her grandfather used to sing.",
            "The prize includes a recording session and a tour of eight cities in the spring.",
            "The jury praised the band's sense of space and the confidence of its young "
            "rhythm section. Bassist Ivan Kravets is the youngest member at nineteen.",
            "The quartet said it would spend part of the prize money on a proper rehearsal "
            "room. Until now it has practised in the basement of the drummer's parents' house"
            " in Northbank.",
            "The quartet will play a homecoming concert at the Riverside Gallery on Dec. 20.",
        ),
    ),
    Story(
        id=48526,
        section="news",
        slug="veln-embankment-reopens-flood-defence",
        title="Veln embankment reopens after two years of flood-defence works",
        local="2024-12-11 09:12",
        authors=("Olena Pavliuk",),
        tags=("River", "Flood defence", "Old Quay"),
        caption="Walkers on the reopened embankment below the Old Quay.",
        credit="Photo: Olena Pavliuk / The Meridian",
        body=(
            "The Veln embankment between the Chain Bridge and the Old Quay reopened to the "
            "public on Wednesday after two years of work on new flood defences.",
            "The old stone wall has been raised by 1.2 metres and backed by a concrete core. "
            "At six points, steel gates can be closed within an hour to seal off the streets "
            "that lead down to the water.",
            ("h2", "Built for a hundred-year flood"),
            "Engineers say the defences would have held back the flood of 1970, the worst "
            "on record, with half a metre to spare. The project cost 640 million hryvnias.",
            "The project also restored the nineteenth-century steps that lead down to the "
            "water near the clock tower, which had been closed since a section collapsed in "
            "2015.",
            "The second stage of the defences, between the Chain Bridge and Millford, will "
            "start in spring and is due to be finished in 2027.",
            "Residents of the Old Quay, whose cellars flooded in 2013 and again in 2019, "
            "turned out to walk the new promenade, which has benches, trees and a cycle path.",
        ),
    ),
    Story(
        id=48540,
        section="news",
        slug="tram-line-t7-connects-northbank-station",
        title="New tram line T7 connects Northbank and the station",
        local="2024-12-11 15:18",
        authors=("Taras Lenko",),
        tags=("Transport", "Trams"),
        caption="The first T7 tram leaves the Northbank depot.",
        credit="Photo: Taras Lenko / The Meridian",
        body=(
            "Meridian's first new tram line in 25 years opened on Wednesday afternoon, "
            "linking Northbank with the railway station in eighteen minutes.",
            "Line T7 runs for 6.3 kilometres over the Northbank Bridge and along Kalyna "
            "Avenue, with eleven stops. Trams will run every eight minutes at peak times.",
            ("h2", "What changes for passengers"),
            "Meridian City Transit has adjusted several bus routes to feed the new line:",
            (
                "ul",
                (
                    "bus 12 now ends at the Northbank depot stop;",
                    "bus 31 runs every ten minutes instead of every fifteen;",
                    "the night bus N5 is replaced by the night tram N2.",
                ),
            ),
            "The line was built with a loan from a European bank and cost 1.4 billion "
            "hryvnias, including twelve new low-floor trams made in Lviv.",
            (
                "quote",
                "For forty years Northbank was promised a tram. Today the promise is kept.",
            ),
            "Mayor Halyna Dorosh said so at the opening, before riding the first tram to the "
            "station with a group of schoolchildren.",
            "Residents of Northbank, who until now relied on crowded buses over the bridge, "
            "said the first trips were smooth, although some stops were still missing "
            "timetables.",
        ),
    ),
]

AUTHOR_BIOS = {
    "Taras Lenko": "City hall and transport reporter.",
    "Marta Hrytsai": "Business reporter covering energy and utilities.",
    "Olena Pavliuk": "Reporter covering the Meridian region.",
    "Dmytro Savchuk": "Business reporter covering the port and industry.",
    "Iryna Koval": "Culture reporter and photographer.",
    "Sofia Bondar": "Culture and heritage reporter.",
    "Yurii Tkach": "Sports reporter.",
    "Andrii Melnyk": "Reporter covering the environment and public services.",
    "Lev Ostapenko": "Urban planner and guest columnist.",
}

NEWSLETTERS = (
    ("Meridian Morning", "The day's top stories from the river city, every weekday at 7 a.m."),
    ("Port & Money", "Business, jobs and trade on the Veln, every Monday."),
    ("Culture Notes", "Exhibitions, concerts and books, every Thursday."),
    ("Transit Alerts", "Tram, bus and ferry changes as they happen."),
    ("Final Whistle", "Weekend sport results and analysis."),
    ("Region Digest", "Villages, towns and roads across the region, every Friday."),
)

COOKIE_TEXT = (
    "We use cookies to improve your experience and to measure our audience. "
    "You can accept all cookies or manage your preferences."
)
SUPPORT_TEXT = (
    "The Meridian is an independent newsroom funded by its readers. "
    "Join our community of members to keep local journalism free for everyone."
)
LIVE_UPDATES = (
    ("08:05", "Snow began falling over Northbank shortly before 8 a.m."),
    ("08:40", "City Transit says trams on lines T1 and T7 are running with delays."),
    ("09:15", "The ferry replacement boat to Ostrova is suspended until the wind drops."),
    ("10:02", "Gritters are out on the Chain Bridge and Kalyna Avenue."),
    ("11:30", "The airport reports two delayed departures and no cancellations."),
    ("12:10", "Schools will close at noon on Thursday, the education department says."),
    ("13:45", "Wind gusts of 70 kilometres an hour recorded at the port."),
    ("14:20", "Power has been restored to 300 homes in Millford after a line came down."),
)
LIVE_PATH = "/live/winter-storm-meridian-updates-48533"
VIDEO_PATH = "/video/first-ride-on-tram-t7-48541"
EXTRA_PAGES = {
    "/about-us": (
        "About us",
        (
            "The Meridian is an independent English-language news site about the city of "
            "Meridian and the Veln river region, founded in 2019 by a group of local "
            "reporters.",
            "We are funded by our members, by grants and by a small amount of advertising. "
            'Read our <a href="/files/report.pdf">annual transparency report (PDF)</a>.',
        ),
    ),
    "/subscribe": (
        "Subscribe to our newsletters",
        ("Choose one or more of our free newsletters below.",),
    ),
    "/membership": (
        "Become a member",
        (
            "Members pay what they can, from 100 hryvnias a month, and keep our journalism "
            "free for everyone.",
        ),
    ),
    "/jobs": (
        "Jobs at The Meridian",
        (
            "We are hiring a night editor and a data reporter. Send a CV and three clips to "
            "our newsroom.",
        ),
    ),
}


# --------------------------------------------------------------------------- helpers


def esc(text: str) -> str:
    """HTML-escape text (quotes too, for attributes)."""
    return html.escape(text, quote=True)


def strip_tags(fragment: str) -> str:
    """Plain text of a body fragment that may carry a few inline links."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def visible_date(moment: datetime) -> str:
    """'December 11, 2024 3:18 PM' in local time."""
    hour = moment.hour % 12 or 12
    suffix = "AM" if moment.hour < 12 else "PM"
    return f"{moment:%B} {moment.day}, {moment.year} {hour}:{moment:%M} {suffix}"


def short_time(moment: datetime) -> str:
    """'Dec 11, 3:18 PM' for lists."""
    hour = moment.hour % 12 or 12
    suffix = "AM" if moment.hour < 12 else "PM"
    return f"{moment:%b} {moment.day}, {hour}:{moment:%M} {suffix}"


def utc_iso(moment: datetime | None) -> str | None:
    """UTC ISO 8601 with +00:00, as the expected answers use."""
    if moment is None:
        return None
    return moment.astimezone(ZoneInfo("UTC")).isoformat()


def slugify(name: str) -> str:
    """'Flood defence' -> 'flood-defence'."""
    return "-".join(name.lower().replace("&", "and").split())


def block_texts(block: Block) -> list[str]:
    """The expected text items of one body block (a list gives one per item)."""
    if isinstance(block, str):
        return [strip_tags(block)]
    kind, value = block
    if kind == "ul":
        return list(value)
    assert isinstance(value, str)
    return [value]


def word_count(story: Story) -> int:
    """Words of the story body, as a reader would count them."""
    return sum(len(text.split()) for block in story.body for text in block_texts(block))


def date_style(index: int) -> str:
    """How a story exposes its date: every other one in JSON-LD; the rest alternate
    between article:published_time meta tags and the visible date only."""
    if index % 2 == 1:
        return "jsonld"
    return "visible" if index % 4 == 0 else "meta"


def published_at(story: Story) -> datetime:
    """Sort key: publication time."""
    return story.published


def listed(stories: list[Story]) -> list[Story]:
    """Stories that listing pages show (newest first): not the hidden cases."""
    return sorted((s for s in stories if s.only_from is None), key=published_at, reverse=True)


# --------------------------------------------------------------------------- page parts


def head(
    title: str,
    *,
    canonical: str | None = None,
    extra: str = "",
    description: str = "",
) -> str:
    """The <head> element shared by every page."""
    lines = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title>",
        '<link rel="stylesheet" href="/assets/site.css">',
        '<link rel="alternate" type="application/rss+xml" title="The Meridian" href="/rss">',
        '<link rel="icon" href="/images/favicon.jpg">',
    ]
    if description:
        lines.append(f'<meta name="description" content="{esc(description)}">')
    if canonical:
        lines.append(f'<link rel="canonical" href="{ORIGIN}{canonical}">')
    if extra:
        lines.append(extra)
    return "<head>\n" + "\n".join(lines) + "\n</head>"


def header() -> str:
    """Site header with navigation and a search link (robots-disallowed)."""
    nav = "".join(f'<li><a href="/{slug}">{name}</a></li>' for slug, name in SECTIONS.items())
    return (
        '<header class="site-header">\n'
        '<a class="logo" href="/">The Meridian</a>\n'
        f'<nav class="main-nav"><ul>{nav}'
        '<li><a href="/news-feed">News Feed</a></li></ul></nav>\n'
        '<a class="search-link" href="/search?q=meridian">Search</a>\n'
        '<a class="btn-support" href="/membership">Support us</a>\n'
        "</header>"
    )


def cookie_banner() -> str:
    return (
        '<div class="cookie-banner" role="dialog">\n'
        f"<p>{esc(COOKIE_TEXT)}</p>\n"
        '<button type="button">Accept all</button> <button type="button">Manage cookies'
        "</button>\n</div>"
    )


def footer() -> str:
    """Footer: static pages, the archive trap, the feed and the staff login (disallowed)."""
    return (
        '<footer class="site-footer">\n<ul>'
        '<li><a href="/about-us">About us</a></li>'
        '<li><a href="/jobs">Jobs</a></li>'
        '<li><a href="/subscribe">Newsletters</a></li>'
        '<li><a href="/membership">Membership</a></li>'
        f'<li><a href="/archive?date={ARCHIVE_START.isoformat()}">Archive</a></li>'
        '<li><a href="/rss">RSS</a></li>'
        '<li><a href="/admin/">Staff login</a></li>'
        "</ul>\n<p>&copy; 2024 The Meridian. All rights reserved.</p>\n</footer>"
    )


def page(head_html: str, main_html: str, body_class: str) -> str:
    """A whole HTML document."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n'
        f'{head_html}\n<body class="{body_class}">\n{cookie_banner()}\n{header()}\n'
        f'<main id="main">\n{main_html}\n</main>\n{footer()}\n'
        '<script src="/assets/site.js"></script>\n</body>\n</html>\n'
    )


def card(story: Story) -> str:
    """One entry of a listing: title link, time, author."""
    byline = ", ".join(story.authors)
    return (
        f'<li class="card"><a class="card__title" href="{story.path}">{esc(story.title)}</a> '
        f'<time datetime="{story.published.isoformat()}">{short_time(story.published)}</time> '
        f'<span class="card__author">{esc(byline)}</span></li>'
    )


def feed_widget(stories: list[Story], count: int) -> str:
    items = "".join(
        f'<li><time>{short_time(s.published)}</time> <a href="{s.path}">{esc(s.title)}</a></li>'
        for s in listed(stories)[:count]
    )
    return (
        '<section class="news-feed-widget">\n<h2>News Feed</h2>\n'
        f'<ul>{items}</ul>\n<a class="all-news" href="/news-feed">All news</a>\n</section>'
    )


def link_list(css: str, heading: str, picks: list[Story]) -> str:
    items = "".join(f'<li><a href="{s.path}">{esc(s.title)}</a></li>' for s in picks)
    return f'<section class="{css}">\n<h2>{heading}</h2>\n<ul>{items}</ul>\n</section>'


def newsletter_forms() -> str:
    """Six newsletter sign-up boxes, each a form ending '* indicates required'."""
    forms = []
    for name, blurb in NEWSLETTERS:
        forms.append(
            f'<form class="newsletter" action="/subscribe" method="post">\n'
            f"<h3>{esc(name)}</h3>\n<p>{esc(blurb)}</p>\n"
            '<label>Email Address <span class="asterisk">*</span></label>\n'
            '<input type="email" name="EMAIL" required>\n'
            '<button type="submit">Sign up</button>\n'
            '<p class="indicates-required"><span class="asterisk">*</span> indicates required</p>\n'
            "</form>"
        )
    return '<section class="newsletters">\n' + "\n".join(forms) + "\n</section>"


def support_aside() -> str:
    return (
        '<aside class="support-banner">\n<h3>Support us</h3>\n'
        f"<p>{esc(SUPPORT_TEXT)}</p>\n"
        '<a class="btn" href="/membership">Become a member</a>\n</aside>'
    )


def render_block(block: Block) -> str:
    if isinstance(block, str):
        return f"<p>{block}</p>"  # may hold a trusted inline link
    kind, value = block
    if kind == "h2":
        return f"<h2>{esc(str(value))}</h2>"
    if kind == "quote":
        return f"<blockquote><p>{esc(str(value))}</p></blockquote>"
    items = "".join(f"<li>{esc(item)}</li>" for item in value)
    return f"<ul>{items}</ul>"


# --------------------------------------------------------------------------- articles


@dataclass(frozen=True)
class Links:
    """The related links an article page shows."""

    more_news: list[Story]
    picks: list[Story]
    read_also: Story


def related_links(stories: list[Story]) -> dict[int, Links]:
    """Pick MORE NEWS, Editors' Picks and Read also for every story, deterministically.

    MORE NEWS shows the four next-older listed stories; one chosen page also links
    the story that is reachable only through MORE NEWS.
    """
    visible = listed(stories)
    hidden_more = next(s for s in stories if s.only_from == "more_news")
    host = min((s for s in visible if s.published > hidden_more.published), key=published_at)
    picks = [visible[3], visible[8], visible[12], visible[16]]
    out: dict[int, Links] = {}
    for story in stories:
        pool = [s for s in visible if s.id != story.id]
        older = list(dict.fromkeys([s for s in pool if s.published < story.published] + pool))
        more = older[:4]
        if story.id == host.id:
            more = [hidden_more, *more[:3]]
        read_also = next(s for s in older if s not in more)
        out[story.id] = Links(more, [p for p in picks if p.id != story.id][:3], read_also)
    return out


def author_line(story: Story) -> str:
    names = [f'<a href="/authors/{slugify(a)}" rel="author">{esc(a)}</a>' for a in story.authors]
    if story.desk:
        names.append(DESK)
    return "by " + " and ".join(names)


def article_meta(story: Story, style: str) -> str:
    """og/meta tags, plus JSON-LD or article:published_time depending on the style."""
    url = f"{ORIGIN}{story.path}"
    description = strip_tags(str(story.body[0]))[:155]
    tags = [
        '<meta property="og:type" content="article">',
        f'<meta property="og:title" content="{esc(story.title)}">',
        f'<meta property="og:url" content="{url}">',
        f'<meta property="og:image" content="{ORIGIN}{story.image}">',
        f'<meta property="og:description" content="{esc(description)}">',
        '<meta property="og:site_name" content="The Meridian">',
    ]
    if story == AMP_STORY:
        tags.append(f'<link rel="amphtml" href="/amp{story.path}">')
    if style == "meta":
        tags.append(
            f'<meta property="article:published_time" content="{story.published.isoformat()}">'
        )
        if story.modified_dt is not None:
            tags.append(
                f'<meta property="article:modified_time" content="{story.modified_dt.isoformat()}">'
            )
        tags.extend(f'<meta property="article:tag" content="{esc(t)}">' for t in story.tags)
    if style == "jsonld":
        tags.append(jsonld_script(article_jsonld(story)))
    return "\n".join(tags)


def article_jsonld(story: Story) -> dict[str, object]:
    authors: list[dict[str, str]] = [
        {"@type": "Person", "name": a, "url": f"{ORIGIN}/authors/{slugify(a)}"}
        for a in story.authors
    ]
    if story.desk:
        authors.append({"@type": "Organization", "name": DESK})
    data: dict[str, object] = {
        "@context": "https://schema.org",
        # The opinion piece uses the schema.org subtype, as news sites do.
        "@type": "OpinionNewsArticle" if story.section == "opinion" else "NewsArticle",
        "headline": story.title,
        "mainEntityOfPage": f"{ORIGIN}{story.path}",
        "datePublished": story.published.isoformat(),
        "author": authors,
        "image": {"@type": "ImageObject", "url": f"{ORIGIN}{story.image}"},
        "articleSection": SECTIONS[story.section],
        "keywords": ", ".join(story.tags),
        "inLanguage": "en",
        "isAccessibleForFree": True,
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": SITE_NAME,
            "logo": {"@type": "ImageObject", "url": f"{ORIGIN}/images/logo.jpg"},
        },
    }
    if story.modified_dt is not None:
        data["dateModified"] = story.modified_dt.isoformat()
    return data


def jsonld_script(data: dict[str, object]) -> str:
    text = json.dumps(data, indent=1, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def share_buttons(story: Story) -> str:
    url = f"{ORIGIN}{story.path}"
    return (
        '<div class="share">\n<span>Share this article</span>\n'
        f'<a href="https://www.facebook.com/sharer/sharer.php?u={url}" rel="nofollow">'
        "Facebook</a>\n"
        f'<a href="https://x.com/intent/tweet?url={url}" rel="nofollow">X</a>\n'
        f'<a href="https://t.me/share/url?url={url}" rel="nofollow">Telegram</a>\n'
        '<button type="button" class="copy-link">Copy link</button>\n</div>'
    )


def article_body(story: Story, links: Links) -> str:
    """Body blocks, with the 'Read also' paragraph and the support banner woven in."""
    out: list[str] = []
    paragraphs_seen = 0
    aside_done = False
    for position, block in enumerate(story.body):
        out.append(render_block(block))
        if not isinstance(block, str):
            continue
        paragraphs_seen += 1
        if paragraphs_seen == 2:
            out.append(
                '<p class="read-also">Read also: '
                f'<a href="{links.read_also.path}">{esc(links.read_also.title)}</a></p>'
            )
        # The banner never splits a paragraph from the list it introduces.
        following = story.body[position + 1] if position + 1 < len(story.body) else None
        introduces_list = isinstance(following, tuple) and following[0] == "ul"
        if paragraphs_seen >= 3 and not aside_done and not introduces_list:
            out.append(support_aside())
            aside_done = True
    return '<div class="post__content">\n' + "\n".join(out) + "\n</div>"


def article_page(story: Story, index: int, links: Links, stories: list[Story]) -> str:
    style = date_style(index)
    label = (
        '<span class="label label--opinion">Opinion</span>'
        if story.section == "opinion"
        else f'<a class="label" href="/{story.section}">{SECTIONS[story.section]}</a>'
    )
    minutes = math.ceil(word_count(story) / 120)  # this newsroom reads slowly: "2 min read"
    tags = " ".join(f'<a href="/tags/{slugify(t)}">{esc(t)}</a>' for t in story.tags)
    main = (
        '<article class="post">\n'
        f'<div class="post__label">{label}</div>\n'
        f'<h1 class="post__title">{esc(story.title)}</h1>\n'
        f'<div class="post__byline">{author_line(story)}</div>\n'
        f'<div class="post__meta"><span class="post__date">{visible_date(story.published)}'
        f'</span> <span class="post__read">{minutes} min read</span></div>\n'
        f"{share_buttons(story)}\n"
        f'<figure class="post__lead"><img src="{story.image}" alt="{esc(story.caption)}">'
        f'<figcaption><span class="caption">{esc(story.caption)}</span> '
        f'<span class="credit">{esc(story.credit)}</span></figcaption></figure>\n'
        '<div class="audio-player"><button type="button">Listen to this article</button>'
        "<p>This audio is created with AI assistance</p></div>\n"
        f"{article_body(story, links)}\n"
        f'<div class="post__tags">Tags: {tags}</div>\n'
        "</article>\n"
        f"{feed_widget(stories, 6)}\n"
        f"{link_list('more-news', 'MORE NEWS', links.more_news)}\n"
        f"{link_list('editors-picks', 'Editors&#39; Picks', links.picks)}\n"
        f"{newsletter_forms()}"
    )
    head_html = head(
        f"{story.title} - The Meridian",
        canonical=story.path,
        extra=article_meta(story, style),
        description=strip_tags(str(story.body[0]))[:155],
    )
    return page(head_html, main, "article-page")


def amp_page(story: Story) -> str:
    """A stripped AMP copy that points to the real page with rel=canonical."""
    body = "\n".join(render_block(b) for b in story.body)
    return (
        '<!DOCTYPE html>\n<html amp lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{esc(story.title)} - The Meridian</title>\n"
        f'<link rel="canonical" href="{ORIGIN}{story.path}">\n'
        '<meta name="viewport" content="width=device-width">\n'
        '<script async src="https://cdn.ampproject.org/v0.js"></script>\n</head>\n<body>\n'
        '<header><a href="/">The Meridian</a></header>\n<article>\n'
        f'<h1>{esc(story.title)}</h1>\n<p class="byline">{author_line(story)}</p>\n'
        f'<p class="date">{visible_date(story.published)}</p>\n{body}\n</article>\n'
        "</body>\n</html>\n"
    )


# --------------------------------------------------------------------------- listings


def listing_page(title: str, intro: str, items: list[Story], *, canonical: str) -> str:
    cards = "\n".join(card(s) for s in items) or '<li class="empty">No stories yet.</li>'
    main = (
        f'<h1 class="listing__title">{esc(title)}</h1>\n'
        f'<p class="listing__intro">{esc(intro)}</p>\n'
        f'<ul class="listing">\n{cards}\n</ul>\n{newsletter_forms()}'
    )
    return page(head(f"{title} - The Meridian", canonical=canonical), main, "listing-page")


def news_feed_pages(stories: list[Story]) -> dict[str, str]:
    """/news-feed and its 'Load more' pages: {url path with query: html}."""
    visible = listed(stories)
    pages = [visible[i : i + FEED_PAGE_SIZE] for i in range(0, len(visible), FEED_PAGE_SIZE)]
    out: dict[str, str] = {}
    for number, items in enumerate(pages, start=1):
        path = "/news-feed" if number == 1 else f"/news-feed?page={number}"
        extra = []
        more = ""
        if number < len(pages):
            nxt = f"/news-feed?page={number + 1}"
            extra.append(f'<link rel="next" href="{nxt}">')
            more = f'<a class="load-more" href="{nxt}">Load more</a>'
        if number > 1:
            prev = "/news-feed" if number == 2 else f"/news-feed?page={number - 1}"
            extra.append(f'<link rel="prev" href="{prev}">')
        cards = "\n".join(card(s) for s in items)
        main = f'<h1>News Feed</h1>\n<ul class="listing">\n{cards}\n</ul>\n{more}'
        head_html = head("News Feed - The Meridian", canonical=path, extra="\n".join(extra))
        out[path] = page(head_html, main, "feed-page")
    return out


def home_page(stories: list[Story], utm_story: Story) -> str:
    visible = listed(stories)
    blocks = []
    for slug, name in SECTIONS.items():
        items = [s for s in visible if s.section == slug][:4]
        cards = "\n".join(card(s) for s in items)
        blocks.append(
            f'<section class="section-block"><h2><a href="/{slug}">{name}</a></h2>\n'
            f'<ul class="listing">\n{cards}\n</ul></section>'
        )
    main = (
        f"{feed_widget(stories, 10)}\n"
        '<section class="live-now"><span class="badge">Live</span> '
        f'<a href="{LIVE_PATH}">Winter storm hits Meridian: live updates</a></section>\n'
        f'<section class="video-now"><a href="{VIDEO_PATH}">Video: first ride on tram T7</a>'
        "</section>\n"
        '<section class="from-newsletter"><h2>From Meridian Morning</h2>'
        f'<a href="{utm_story.path}{NEWSLETTER_UTM}">{esc(utm_story.title)}</a></section>\n'
        + "\n".join(blocks)
        + f"\n{newsletter_forms()}"
    )
    head_html = head(
        "The Meridian - News from the river city",
        canonical="/",
        description="Independent news from Meridian and the Veln river region.",
    )
    return page(head_html, main, "home-page")


def live_page(stories: list[Story]) -> str:
    """A live blog: a listing of short timed updates, not an article."""
    day = "2024-12-11"
    updates = [
        {
            "@type": "BlogPosting",
            "headline": text,
            "datePublished": f"{day}T{clock}:00+02:00",
        }
        for clock, text in LIVE_UPDATES
    ]
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": "Winter storm hits Meridian: live updates",
        "url": f"{ORIGIN}{LIVE_PATH}",
        "coverageStartTime": f"{day}T08:00:00+02:00",
        "liveBlogUpdate": updates,
    }
    items = "\n".join(
        f'<li class="live-update"><time>{clock}</time> <p>{esc(text)}</p></li>'
        for clock, text in reversed(LIVE_UPDATES)
    )
    main = (
        '<div class="live-label">Live</div>\n<h1>Winter storm hits Meridian: live updates</h1>\n'
        f'<ul class="live-updates">\n{items}\n</ul>\n'
        f'<p>Full story: <a href="/amp{AMP_STORY.path}">{esc(AMP_STORY.title)}</a></p>\n'
        f"{feed_widget(stories, 6)}"
    )
    head_html = head(
        "Live: winter storm hits Meridian - The Meridian",
        canonical=LIVE_PATH,
        extra=jsonld_script(data),
    )
    return page(head_html, main, "live-page")


def video_page() -> str:
    """A video page: a player and about twenty words."""
    data = {
        "@context": "https://schema.org",
        "@type": "VideoObject",
        "name": "First ride on tram T7",
        "uploadDate": "2024-12-11T16:30:00+02:00",
        "thumbnailUrl": f"{ORIGIN}/images/tram-t7-video.jpg",
        "contentUrl": f"{ORIGIN}/files/tram-t7.mp4",
    }
    main = (
        "<h1>Video: first ride on tram T7</h1>\n"
        '<div class="player"><video controls poster="/images/tram-t7-video.jpg">'
        '<source src="/files/tram-t7.mp4" type="video/mp4"></video></div>\n'
        "<p>Our reporter rode the first T7 tram from Northbank to the railway station "
        "on its opening afternoon.</p>"
    )
    head_html = head(
        "Video: first ride on tram T7 - The Meridian",
        canonical=VIDEO_PATH,
        extra=jsonld_script(data),
    )
    return page(head_html, main, "video-page")


def archive_pages(stories: list[Story]) -> dict[str, str]:
    """The calendar trap: /archive?date=D links to the previous day, 60 days deep.

    Only the first two days list stories. The last page links one day further,
    which the server answers with the undated /archive page: the chain never ends.
    """
    out: dict[str, str] = {}
    for offset in range(ARCHIVE_DAYS):
        day = ARCHIVE_START - timedelta(days=offset)
        items = [s for s in listed(stories) if s.published.date() == day] if offset < 2 else []
        prev = day - timedelta(days=1)
        out[f"/archive?date={day.isoformat()}"] = archive_page(day, prev, items)
    out["/archive"] = archive_page(None, ARCHIVE_START, [])
    return out


def archive_page(day: date | None, prev: date, items: list[Story]) -> str:
    label = f"{day:%B} {day.day}, {day.year}" if day else "Choose a date"
    cards = "\n".join(card(s) for s in items) or '<li class="empty">No stories found.</li>'
    main = (
        f'<h1>Archive: {label}</h1>\n<ul class="listing">\n{cards}\n</ul>\n'
        f'<a class="prev-day" href="/archive?date={prev.isoformat()}">Previous day</a>'
    )
    return page(head("Archive - The Meridian"), main, "archive-page")


def static_page(title: str, paragraphs: tuple[str, ...], path: str) -> str:
    text = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    main = f"<h1>{esc(title)}</h1>\n{text}\n{newsletter_forms()}"
    return page(head(f"{title} - The Meridian", canonical=path), main, "static-page")


def disallowed_pages() -> dict[str, str]:
    """Pages behind robots.txt: a crawler must never fetch them."""
    search = page(
        head("Search - The Meridian"),
        '<h1>Search results for "meridian"</h1>\n<p>Search is temporarily unavailable.</p>',
        "search-page",
    )
    admin = (
        '<!DOCTYPE html>\n<html lang="en"><head><title>Staff login</title></head><body>\n'
        '<form method="post" action="/admin/"><input name="user"><input name="password" '
        'type="password"><button>Log in</button></form>\n</body></html>\n'
    )
    return {"/search": search, "/admin/": admin}


# --------------------------------------------------------------------------- feeds


def rss_feed(stories: list[Story]) -> str:
    """RSS 2.0 with the 15 latest stories, never the one reachable only via MORE NEWS."""
    latest = sorted(
        (s for s in stories if s.only_from in (None, "feed")),
        key=published_at,
        reverse=True,
    )[:RSS_SIZE]
    items = []
    for s in latest:
        items.append(
            "<item>\n"
            f"<title>{esc(s.title)}</title>\n<link>{ORIGIN}{s.path}</link>\n"
            f'<guid isPermaLink="true">{ORIGIN}{s.path}</guid>\n'
            f"<pubDate>{format_datetime(s.published)}</pubDate>\n"
            f"<dc:creator>{esc(', '.join(s.authors))}</dc:creator>\n"
            + "".join(f"<category>{esc(t)}</category>\n" for t in s.tags)
            + f"<description>{esc(strip_tags(str(s.body[0])))}</description>\n</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n'
        f"<title>{SITE_NAME}</title>\n<link>{ORIGIN}/</link>\n"
        "<description>Independent news from Meridian</description>\n<language>en</language>\n"
        + "\n".join(items)
        + "\n</channel>\n</rss>\n"
    )


def news_sitemap(stories: list[Story]) -> str:
    """Google News sitemap: every story except the feed-only and MORE NEWS-only ones."""
    entries = []
    for s in sorted(stories, key=published_at, reverse=True):
        if s.only_from not in (None, "sitemap"):
            continue
        entries.append(
            f"<url>\n<loc>{ORIGIN}{s.path}</loc>\n<news:news>\n<news:publication>"
            f"<news:name>{SITE_NAME}</news:name><news:language>en</news:language>"
            "</news:publication>\n"
            f"<news:publication_date>{s.published.isoformat()}</news:publication_date>\n"
            f"<news:title>{esc(s.title)}</news:title>\n</news:news>\n</url>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n'
        + "\n".join(entries)
        + "\n</urlset>\n"
    )


def pages_sitemap(paths: list[str]) -> str:
    entries = "\n".join(f"<url><loc>{ORIGIN}{p}</loc></url>" for p in paths)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}\n</urlset>\n"
    )


def robots_txt() -> str:
    return (
        "User-agent: *\nDisallow: /admin/\nDisallow: /search\n\n"
        f"Sitemap: {ORIGIN}/sitemaps/news.xml\nSitemap: {ORIGIN}/sitemaps/pages.xml\n"
    )


# --------------------------------------------------------------------------- writing


def file_for(url_path: str) -> Path:
    """Where the devserver looks for a URL path (with an optional query)."""
    path, _, query = url_path.partition("?")
    rel = path.strip("/")
    stem = "index" if not query else f"index@{query}"
    return OUT / rel / f"{stem}.html" if rel else OUT / f"{stem}.html"


def boilerplate_strings() -> list[str]:
    """Strings that appear on article pages but never in a story body."""
    fixed = [
        "News Feed",
        "MORE NEWS",
        "Editors' Picks",
        "indicates required",
        "min read",
        "This audio is created with AI assistance",
        "Listen to this article",
        "Read also",
        "Photo:",
        "Support us",
        SUPPORT_TEXT,
        "Become a member",
        COOKIE_TEXT,
        "Manage cookies",
        "Share this article",
        "Copy link",
        "Email Address",
        "All news",
        "Staff login",
        "All rights reserved",
    ]
    fixed += [name for name, _ in NEWSLETTERS] + [blurb for _, blurb in NEWSLETTERS]
    fixed += [s.caption for s in STORIES] + [s.credit for s in STORIES]
    return list(dict.fromkeys(fixed))


def expected(stories: list[Story], not_articles: list[str], utm_story: Story) -> dict[str, object]:
    articles = []
    for s in sorted(stories, key=published_at, reverse=True):
        articles.append(
            {
                "path": s.path,
                "title": s.title,
                "authors": [*s.authors, *([DESK] if s.desk else [])],
                "published_at": utc_iso(s.published),
                "modified_at": expected_modified(s, stories),
                "paragraphs": [t for b in s.body for t in block_texts(b)],
                "tags": list(s.tags),
                "section": SECTIONS[s.section],
                "lead_image_path": s.image,
                "lead_image_caption": s.caption,
                "language": "en",
                "paywalled": False,
                "reachable_only_from": s.only_from,
            }
        )
    return {
        "site": "meridian",
        "timezone": "Europe/Kyiv",
        "articles": articles,
        "not_articles": not_articles,
        "duplicates": [
            {"path": f"/amp{AMP_STORY.path}", "canonical_path": AMP_STORY.path},
            {"path": f"{utm_story.path}{NEWSLETTER_UTM}", "canonical_path": utm_story.path},
        ],
        "disallowed": ["/admin/", "/search"],
        "boilerplate": boilerplate_strings(),
    }


def expected_modified(story: Story, stories: list[Story]) -> str | None:
    """modified_at is only knowable where the page states it (JSON-LD or meta)."""
    style = date_style(stories.index(story))
    return utc_iso(story.modified_dt) if style in ("jsonld", "meta") else None


AMP_STORY = next(s for s in STORIES if s.slug == "veln-embankment-reopens-flood-defence")
UTM_SLUG = "schools-winter-timetable-save-energy"


def build(out: Path = OUT) -> dict[str, object]:
    """Write the whole site to ``out``; return the expected answers."""
    if out.exists():
        shutil.rmtree(out)
    stories = STORIES
    pages: dict[str, str] = {}
    links = related_links(stories)
    for index, story in enumerate(stories):
        pages[story.path] = article_page(story, index, links[story.id], stories)
    utm_story = next(s for s in stories if s.slug == UTM_SLUG)
    not_articles: dict[str, str] = {"/": home_page(stories, utm_story)}
    visible = listed(stories)
    for slug, name in SECTIONS.items():
        items = [s for s in visible if s.section == slug]
        intro = f"The latest {name.lower()} from Meridian and the region."
        not_articles[f"/{slug}"] = listing_page(name, intro, items, canonical=f"/{slug}")
    for tag in sorted({t for s in stories for t in s.tags}):
        items = [s for s in visible if tag in s.tags]
        path = f"/tags/{slugify(tag)}"
        not_articles[path] = listing_page(tag, f"Stories tagged {tag}.", items, canonical=path)
    for author in sorted({a for s in stories for a in s.authors}):
        items = [s for s in visible if author in s.authors]
        path = f"/authors/{slugify(author)}"
        not_articles[path] = listing_page(author, AUTHOR_BIOS[author], items, canonical=path)
    for path, (title, paragraphs) in EXTRA_PAGES.items():
        not_articles[path] = static_page(title, paragraphs, path)
    not_articles.update(news_feed_pages(stories))
    not_articles[LIVE_PATH] = live_page(stories)
    not_articles[VIDEO_PATH] = video_page()
    not_articles.update(archive_pages(stories))
    pages.update(not_articles)
    pages[f"/amp{AMP_STORY.path}"] = amp_page(AMP_STORY)
    pages.update(disallowed_pages())
    for url_path, text in pages.items():
        target = file_for(url_path).relative_to(OUT)
        dest = out / target
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(text, encoding="utf-8")
    write_assets(out, stories)
    section_paths = ["/", *(f"/{s}" for s in SECTIONS), "/news-feed", *EXTRA_PAGES]
    (out / "sitemaps").mkdir(parents=True, exist_ok=True)
    (out / "sitemaps" / "news.xml").write_text(news_sitemap(stories), encoding="utf-8")
    (out / "sitemaps" / "pages.xml").write_text(pages_sitemap(section_paths), encoding="utf-8")
    (out / "rss.xml").write_text(rss_feed(stories), encoding="utf-8")
    (out / "robots.txt").write_text(robots_txt(), encoding="utf-8")
    # The feed lives at /rss; the file needs its extension for the right Content-Type.
    redirects = {"/rss": "/rss.xml"}
    (out / "_redirects.json").write_text(json.dumps(redirects, indent=1) + "\n", encoding="utf-8")
    answers = expected(stories, list(not_articles), utm_story)
    (out / "_expected.json").write_text(
        json.dumps(answers, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return answers


def write_assets(out: Path, stories: list[Story]) -> None:
    """Images, the PDF, the video file, CSS and JS: every referenced file exists."""
    images = out / "images"
    images.mkdir(parents=True, exist_ok=True)
    for name in ["favicon", "logo", "tram-t7-video", *(s.slug for s in stories)]:
        (images / f"{name}.jpg").write_bytes(JPEG)
    files = out / "files"
    files.mkdir(parents=True, exist_ok=True)
    (files / "report.pdf").write_bytes(PDF)
    (files / "tram-t7.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    assets = out / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    (assets / "site.css").write_text("body{font-family:sans-serif;max-width:60em}\n")
    (assets / "site.js").write_text("document.documentElement.classList.add('js');\n")


if __name__ == "__main__":
    result = build()
    articles = result["articles"]
    assert isinstance(articles, list)
    print(f"meridian: {len(articles)} articles written to {OUT}")
