"""A synthetic organisation at the size of a real one: 300 journeys and 60 teams.

``write_project(folder)`` writes ``journeys/organization.yaml``, 300 journey files (in
one subfolder per department of the journey's owner) and a ``cxmap.yaml`` (no required
departments), and returns ``folder``. No ``mkdocs.yml``: the handbook is built with
cxmap's default configuration, as a new user's would be.

The organisation is a utility, Brightwater Energy, Water & Broadband: ten departments
of six teams each, eight channels (four staffed), six personas and seven stages, every
one with a name a member of staff would recognise. The journeys are thirty themes
("Switching energy supplier", "Reporting a water leak"...) each lived by ten customer
segments ("... in a rented flat", "... for a small business"...); a journey has three or
four small touch points, so that the build stays quick. Its touch points are owned in
turn by the teams of the department a step belongs to (for business customers and
landlords, Business Customers takes over sales, care and billing), so every team owns
some.

The variety a handbook must cope with is spread over the journeys deterministically
(arithmetic on the journey's number, and ``random.Random(SEED)`` for emotions and KPI
values): every status; journey and touch point tags; a promise on every third journey,
kept at its last touch point, except ``BROKEN_PROMISE``, which no touch point keeps;
KPIs that reach their target and KPIs that miss it, higher and lower being better;
``to_be`` on about one touch point in five; moments of truth, proactive and internal
touch points; a few findings (an expectation gap, an unrecovered low, a journey without
a complaint path). Every reference is valid: the project has no error-level finding
but the broken promise.

``benchmarks/synthetic.py`` makes projects of any size for timing, but of uniform
"Step N of journey M" touch points, "Team N" teams and four departments; this project is
what a handbook of a large organisation looks like, so that tests can judge its pages.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpers import write_yaml

SEED = 14
ORGANIZATION_NAME = "Brightwater Energy, Water & Broadband"

# id, name, [(team id, team name)]: six teams each
DEPARTMENTS: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("marketing", "Marketing & Brand", [
        ("brand-studio", "Brand Studio"),
        ("campaigns", "Campaigns & Offers"),
        ("web-content", "Web Content & Search"),
        ("social-media", "Social Media & Community"),
        ("customer-insight", "Customer Insight & Research"),
        ("partnerships", "Partnerships & Affinity Deals"),
    ]),
    ("sales", "Sales & Switching", [
        ("switching-desk", "Switching Desk"),
        ("online-sales", "Online Sales"),
        ("telesales", "Telesales"),
        ("retention", "Retention & Win-back"),
        ("new-homes", "New-homes Connections Sales"),
        ("tariff-design", "Tariff Design & Pricing"),
    ]),
    ("care", "Customer Care", [
        ("contact-centre", "Contact Centre"),
        ("chat-team", "Chat & Messaging Team"),
        ("complaints", "Complaints Resolution"),
        ("priority-services", "Priority Services Team"),
        ("moves-team", "Home Moves Team"),
        ("bereavement", "Bereavement & Power of Attorney"),
    ]),
    ("billing", "Billing & Payments", [
        ("billing-ops", "Billing Operations"),
        ("collections", "Collections & Payment Plans"),
        ("refunds", "Direct Debits & Refunds"),
        ("prepayment", "Prepayment & Top-ups"),
        ("debt-advice", "Debt Advice Partners"),
        ("revenue-assurance", "Revenue Assurance"),
    ]),
    ("field", "Field Operations", [
        ("meter-installers", "Smart-meter Installers"),
        ("engineers-north", "Field Engineers North"),
        ("engineers-south", "Field Engineers South"),
        ("scheduling", "Appointment Scheduling"),
        ("heat-pump-fitters", "Heat-pump Fitters"),
        ("ev-chargers", "EV-charger Installations"),
    ]),
    ("network", "Network & Supply", [
        ("outage-control", "Outage Control Room"),
        ("water-quality", "Water Quality Lab"),
        ("leak-detection", "Leak Detection & Repair"),
        ("broadband-noc", "Broadband Network Operations"),
        ("connections", "Grid & Mains Connections"),
        ("street-works", "Street Works & Permits"),
    ]),
    ("digital", "Digital Products", [
        ("app-squad", "Brightwater App Squad"),
        ("web-platform", "Website Platform"),
        ("accounts-squad", "Online Account Squad"),
        ("notifications", "Notifications & Messaging"),
        ("virtual-assistant", "Virtual Assistant"),
        ("design-system", "Design System & Accessibility"),
    ]),
    ("metering", "Smart Metering & Data", [
        ("meter-data", "Meter Data Management"),
        ("readings", "Readings & Estimates"),
        ("energy-insights", "Energy Insights"),
        ("data-protection", "Data Protection Office"),
        ("meter-assets", "Meter Asset Management"),
        ("settlement", "Industry Settlement"),
    ]),
    ("business", "Business Customers", [
        ("sme-sales", "Small-business Sales"),
        ("key-accounts", "Key Accounts"),
        ("business-care", "Business Care Desk"),
        ("landlord-services", "Landlord & Letting Services"),
        ("tenders", "Tenders & Procurement"),
        ("business-billing", "Business Billing"),
    ]),
    ("regulation", "Regulation & Vulnerability", [
        ("vulnerability", "Vulnerability Specialists"),
        ("ombudsman-liaison", "Ombudsman Liaison"),
        ("compliance", "Policy & Compliance"),
        ("accessible-services", "Accessible Services"),
        ("hardship-fund", "Hardship Fund"),
        ("quality-assurance", "Quality Assurance"),
    ]),
]  # fmt: skip

FIRST_NAMES = [
    "Amara", "Bogdan", "Chiara", "Dev", "Elif", "Fergus", "Greta", "Hamza", "Ines", "Jonah",
    "Keiko", "Lars", "Maryam", "Niall", "Olu", "Priya", "Quentin", "Rosa", "Sipho", "Tove",
]  # fmt: skip
LAST_NAMES = [
    "Achebe", "Brennan", "Castillo", "Duarte", "Eriksen", "Fontaine", "Gallagher", "Haddad",
    "Ivanova", "Jansen", "Kowalski", "Lindgren", "Mbeki", "Nakamura", "O'Connor", "Petrov",
    "Quinn", "Rahman", "Sørensen", "Tremblay", "Underwood",
]  # fmt: skip

# id, name, staffed
CHANNELS: list[tuple[str, str, bool]] = [
    ("phone", "Phone", True),
    ("email", "E-mail", True),
    ("chat", "Live chat", True),
    ("home-visit", "Engineer home visit", True),
    ("web", "Website", False),
    ("app", "Brightwater app", False),
    ("sms", "SMS", False),
    ("letter", "Letter", False),
]
STAFFED = {channel for channel, _, staffed in CHANNELS if staffed}

PERSONAS: list[tuple[str, str, str]] = [
    ("first-home", "First-time mover",
     "Moved into a first rented flat; sets everything up from a phone in an evening."),
    ("young-family", "Young family",
     "Two working parents with small children; a cold house or no internet is a crisis."),
    ("priority-customer", "Older customer on the Priority Services Register",
     "Lives alone, uses oxygen equipment at home; prefers a phone call and a named contact."),
    ("small-business", "Small-business owner",
     "Runs a bakery; every hour without power or a working card reader costs money."),
    ("ev-driver", "Electric-car driver",
     "Charges at home overnight and watches the cheap-rate hours closely in the app."),
    ("landlord", "Landlord with several lets",
     "Manages eight flats; needs supplies switched between tenants without gaps."),
]  # fmt: skip

STAGES: list[tuple[str, str]] = [
    ("discover", "Discovery"),
    ("join", "Joining & switching"),
    ("onboard", "Setting up"),
    ("use", "Everyday use"),
    ("pay", "Bills & payments"),
    ("support", "Help & repairs"),
    ("renew", "Renewal & leaving"),
]
STAGE_ORDER = {stage: position for position, (stage, _) in enumerate(STAGES)}


@dataclass(frozen=True)
class Step:
    """A touch point of a theme: its id, name, stage, department and channels."""

    id: str
    name: str
    stage: str
    department: str
    channels: tuple[str, ...]


@dataclass(frozen=True)
class Theme:
    """What a customer sets out to do; lived by every segment as a journey of its own."""

    id: str
    title: str
    department: str
    """The department of the team accountable for the journey."""
    goal: str
    promise: str
    tags: tuple[str, ...]
    steps: tuple[Step, Step, Step, Step]


def _theme(
    key: str,
    title: str,
    department: str,
    goal: str,
    promise: str,
    tags: tuple[str, ...],
    steps: list[tuple[str, str, str, str, tuple[str, ...]]],
) -> Theme:
    first, second, third, fourth = (Step(*step) for step in steps)
    return Theme(key, title, department, goal, promise, tags, (first, second, third, fourth))


THEMES: list[Theme] = [
    _theme("switch-energy", "Switching energy supplier", "sales",
           "A cheaper tariff with no gap in supply", "Your switch completes within 5 working days",
           ("energy", "switching"), [
               ("compare-tariffs", "Compares tariffs on the website", "discover", "marketing",
                ("web", "app")),
               ("sign-up", "Signs up for the new tariff", "join", "sales", ("web", "phone")),
               ("welcome-pack", "Receives the welcome pack", "onboard", "care",
                ("email", "letter")),
               ("first-debit", "Pays the first monthly direct debit", "pay", "billing",
                ("email", "app")),
           ]),
    _theme("move-home", "Moving home", "care",
           "Power, water and internet on the day the keys change hands",
           "Supply in the new home from the day you move in", ("moving-home",), [
               ("moving-date", "Tells us the moving date", "join", "care", ("web", "phone")),
               ("closing-readings", "Gives the closing meter readings", "onboard", "metering",
                ("app", "web")),
               ("final-bill", "Receives the final bill for the old home", "pay", "billing",
                ("email", "letter")),
               ("new-home-supply", "Sets up supply in the new home", "support", "care",
                ("phone", "chat")),
           ]),
    _theme("smart-meter", "Getting a smart meter installed", "field",
           "Accurate bills without reading the meter", "Your installer arrives in the booked slot",
           ("smart-meter", "energy"), [
               ("free-meter-offer", "Hears about free smart meters", "discover", "marketing",
                ("email", "letter")),
               ("book-install", "Books an installation slot", "onboard", "field",
                ("web", "phone")),
               ("installer-visit", "Meets the smart-meter installer", "use", "field",
                ("home-visit", "sms")),
               ("display-setup", "Gets the in-home display working", "support", "digital",
                ("app", "chat")),
           ]),
    _theme("power-cut", "Reporting a power cut", "network",
           "Power back quickly, and knowing when",
           "An update at least every 2 hours until power is back",
           ("outage", "energy"), [
               ("lights-out", "Loses power at home", "use", "network", ("sms", "app")),
               ("report-outage", "Reports the power cut", "support", "network", ("phone", "web")),
               ("restoration-updates", "Follows the restoration updates", "support", "digital",
                ("sms", "app")),
               ("after-outage-call", "Gets a check-in call after restoration", "support", "care",
                ("phone", "sms")),
           ]),
    _theme("water-leak", "Reporting a water leak", "network",
           "The leak fixed before it damages the street or the house",
           "A leak you report is visited within 24 hours", ("water", "leaks"), [
               ("spots-leak", "Spots water bubbling up in the pavement", "use", "network",
                ("app", "web")),
               ("report-leak", "Reports the leak with a photo", "support", "network",
                ("app", "phone")),
               ("leak-crew", "Sees the leak crew at work", "support", "network",
                ("home-visit", "sms")),
               ("leak-fixed", "Hears the leak is fixed", "support", "digital", ("sms", "email")),
           ]),
    _theme("broadband-fault", "Fixing a broadband fault", "network",
           "Working internet again the same day", "Faults we cause are fixed within 2 days",
           ("broadband", "faults"), [
               ("runs-line-test", "Runs the line test in the app", "support", "digital",
                ("app", "web")),
               ("fault-chat", "Describes the fault to an adviser", "support", "care",
                ("chat", "phone")),
               ("engineer-fix", "Lets the broadband engineer in", "support", "field",
                ("home-visit", "sms")),
               ("fault-follow-up", "Confirms the connection is stable", "support", "network",
                ("sms", "email")),
           ]),
    _theme("first-bill", "Understanding the first bill", "billing",
           "Knowing what the bill is for and that it is right",
           "Every bill explains each charge in plain words", ("billing",), [
               ("bill-arrives", "Receives the first bill", "pay", "billing", ("email", "app")),
               ("bill-explainer", "Reads the bill explainer", "pay", "digital", ("web", "app")),
               ("bill-question", "Asks why the standing charge changed", "pay", "care",
                ("chat", "phone")),
               ("bill-corrected", "Gets a corrected bill", "pay", "billing", ("email", "letter")),
           ]),
    _theme("payment-plan", "Setting up a payment plan", "billing",
           "Affordable payments without fear of being cut off",
           "Nobody on a payment plan is disconnected", ("billing", "arrears"), [
               ("worried-about-bill", "Worries about a large bill", "pay", "billing",
                ("email", "letter")),
               ("affordability-check", "Talks through what is affordable", "pay", "billing",
                ("phone", "chat")),
               ("plan-agreed", "Agrees the payment plan", "pay", "billing", ("email", "app")),
               ("plan-review", "Has the plan reviewed after three months", "support",
                "regulation", ("phone", "letter")),
           ]),
    _theme("refund", "Claiming a credit refund", "billing",
           "Money owed paid back without chasing", "Credit refunds reach your bank within 10 days",
           ("billing", "refunds"), [
               ("sees-credit", "Sees a credit balance in the app", "pay", "digital",
                ("app", "web")),
               ("asks-refund", "Asks for the credit back", "pay", "billing", ("app", "chat")),
               ("refund-paid", "Receives the refund", "pay", "billing", ("email", "sms")),
               ("refund-chased", "Chases a late refund", "support", "care", ("phone", "chat")),
           ]),
    _theme("complaint", "Making a complaint", "care",
           "Being heard, put right and compensated fairly",
           "Every complaint has a named owner until it is resolved", ("complaints",), [
               ("raises-complaint", "Raises a complaint", "support", "care", ("phone", "email")),
               ("complaint-owner", "Hears from the named complaint handler", "support", "care",
                ("phone", "email")),
               ("complaint-outcome", "Receives the final response", "support", "care",
                ("email", "letter")),
               ("ombudsman-route", "Is told about the ombudsman", "renew", "regulation",
                ("letter", "email")),
           ]),
    _theme("tariff-renewal", "Renewing a fixed tariff", "sales",
           "A fair price without having to haggle", "We tell you 49 days before your tariff ends",
           ("renewal", "energy"), [
               ("renewal-notice", "Receives the end-of-tariff notice", "renew", "sales",
                ("email", "letter")),
               ("compares-renewal", "Compares the renewal offers", "renew", "digital",
                ("app", "web")),
               ("renewal-call", "Calls to ask for a better price", "renew", "sales",
                ("phone", "chat")),
               ("renewal-confirmed", "Confirms the new fixed tariff", "renew", "sales",
                ("email", "app")),
           ]),
    _theme("leaving", "Leaving Brightwater", "sales",
           "A clean exit with the final bill settled", "Your final bill arrives within 6 weeks",
           ("leaving",), [
               ("switch-away", "Switches to another supplier", "renew", "sales",
                ("web", "letter")),
               ("save-offer", "Hears a retention offer", "renew", "sales", ("phone", "email")),
               ("leaving-final-bill", "Receives the final bill", "renew", "billing",
                ("email", "letter")),
               ("leaving-refund", "Gets the remaining credit back", "renew", "billing",
                ("email", "sms")),
           ]),
    _theme("bereavement", "Closing an account after a bereavement", "care",
           "Everything handled once, kindly, without repeating the story",
           "One contact closes every account of the deceased", ("bereavement", "vulnerable"), [
               ("tells-us", "Tells us about the death", "support", "care", ("phone", "web")),
               ("bereavement-adviser", "Speaks with a bereavement adviser", "support", "care",
                ("phone", "email")),
               ("estate-bill", "Receives the final bill for the estate", "renew", "billing",
                ("letter", "email")),
               ("account-closed", "Hears every account is closed", "renew", "care",
                ("letter", "email")),
           ]),
    _theme("meter-reading", "Submitting a meter reading", "metering",
           "Bills based on real use, not estimates",
           "Readings you send are on your next bill", ("readings", "energy"), [
               ("reading-reminder", "Gets the reading reminder", "use", "metering",
                ("sms", "email")),
               ("photo-reading", "Sends a photo of the meter", "use", "digital", ("app", "web")),
               ("reading-rejected", "Hears a reading looks wrong", "use", "metering",
                ("email", "sms")),
               ("bill-updated", "Sees the bill recalculated", "pay", "billing", ("app", "email")),
           ]),
    _theme("ev-charger", "Installing a home EV charger", "field",
           "Charging at home on the cheap overnight rate", "Your charger is fitted within 3 weeks",
           ("ev", "installations"), [
               ("charger-quote", "Gets a charger quote online", "discover", "sales",
                ("web", "app")),
               ("survey-photos", "Sends photos of the fuse box", "onboard", "field",
                ("app", "email")),
               ("charger-fitted", "Has the charger fitted", "onboard", "field",
                ("home-visit", "sms")),
               ("smart-charging", "Sets up smart charging in the app", "use", "digital",
                ("app", "chat")),
           ]),
    _theme("heat-pump", "Fitting a heat pump", "field",
           "A warm house at a lower running cost",
           "We handle the grant paperwork for you", ("heat-pump", "installations"), [
               ("heat-pump-survey", "Books a home heating survey", "discover", "field",
                ("web", "phone")),
               ("grant-application", "Applies for the upgrade grant", "join", "regulation",
                ("web", "email")),
               ("heat-pump-install", "Has the heat pump installed", "onboard", "field",
                ("home-visit", "sms")),
               ("first-winter", "Gets through the first cold snap", "use", "field",
                ("phone", "app")),
           ]),
    _theme("solar-export", "Getting paid for exported solar power", "metering",
           "Fair payment for every kilowatt-hour sent to the grid",
           "Export payments arrive every month", ("solar", "energy"), [
               ("export-sign-up", "Signs up for the export tariff", "join", "sales",
                ("web", "email")),
               ("export-meter", "Has the export meter registered", "onboard", "metering",
                ("email", "letter")),
               ("export-statement", "Reads the monthly export statement", "pay", "billing",
                ("app", "email")),
               ("missing-export", "Reports a missing export payment", "support", "care",
                ("chat", "phone")),
           ]),
    _theme("fibre-upgrade", "Upgrading to full-fibre broadband", "sales",
           "Faster internet without a day offline", "No more than 4 hours offline on upgrade day",
           ("broadband", "upgrades"), [
               ("fibre-check", "Checks full fibre at the postcode", "discover", "marketing",
                ("web", "app")),
               ("orders-fibre", "Orders the full-fibre upgrade", "join", "sales",
                ("web", "phone")),
               ("fibre-install", "Has full fibre brought into the house", "onboard", "field",
                ("home-visit", "sms")),
               ("router-setup", "Sets up the new router", "onboard", "digital",
                ("app", "chat")),
           ]),
    _theme("tap-water", "Reporting discoloured tap water", "network",
           "Safe, clear water and a straight answer", "We test your water the same day you call",
           ("water", "water-quality"), [
               ("brown-water", "Runs brown water from the kitchen tap", "use", "network",
                ("web", "app")),
               ("water-call", "Calls the water-quality line", "support", "network",
                ("phone", "chat")),
               ("water-sample", "Has a water sample taken", "support", "network",
                ("home-visit", "sms")),
               ("water-results", "Receives the test results", "support", "network",
                ("email", "letter")),
           ]),
    _theme("new-connection", "Connecting a new supply", "network",
           "Power and water on before the builders leave",
           "A quote for your connection within 10 working days", ("connections", "new-build"), [
               ("connection-request", "Requests a new connection", "join", "network",
                ("web", "email")),
               ("connection-quote", "Accepts the connection quote", "join", "network",
                ("email", "phone")),
               ("connection-works", "Has the street dug up for the mains", "onboard", "network",
                ("home-visit", "letter")),
               ("supply-live", "Switches the new supply on", "onboard", "field",
                ("home-visit", "sms")),
           ]),
    _theme("direct-debit", "Changing a direct debit", "billing",
           "Payments that match what is used", "Direct-debit changes apply from the next payment",
           ("billing", "self-service"), [
               ("debit-review", "Sees a direct-debit review", "pay", "billing",
                ("email", "app")),
               ("changes-debit", "Changes the monthly amount", "pay", "digital", ("app", "web")),
               ("debit-disagree", "Disagrees with the new amount", "pay", "billing",
                ("chat", "phone")),
               ("debit-confirmed", "Receives the confirmation", "pay", "billing",
                ("email", "letter")),
           ]),
    _theme("app-registration", "Registering for the app", "digital",
           "Everything about the account in one place",
           "Registration takes less than 5 minutes", ("app", "self-service"), [
               ("downloads-app", "Downloads the Brightwater app", "onboard", "digital",
                ("app", "web")),
               ("verifies-account", "Verifies the account number", "onboard", "digital",
                ("app", "sms")),
               ("locked-out", "Gets locked out after three tries", "onboard", "care",
                ("chat", "phone")),
               ("first-insight", "Sees the first energy insight", "use", "metering",
                ("app", "email")),
           ]),
    _theme("outage-compensation", "Claiming compensation after an outage", "regulation",
           "The payment the rules promise, without a fight",
           "Compensation is paid automatically when we owe it", ("outage", "compensation"), [
               ("long-outage", "Is without power for more than 12 hours", "use", "network",
                ("sms", "app")),
               ("claims-payment", "Claims the guaranteed payment", "support", "regulation",
                ("web", "phone")),
               ("payment-decision", "Hears the compensation decision", "support", "regulation",
                ("email", "letter")),
               ("compensation-paid", "Sees the compensation on the bill", "pay", "billing",
                ("app", "email")),
           ]),
    _theme("priority-register", "Joining the Priority Services Register", "regulation",
           "Extra help when the power or water goes off",
           "Registered customers hear from us first in an outage", ("vulnerable", "priority"), [
               ("hears-of-register", "Hears about extra help", "discover", "marketing",
                ("letter", "web")),
               ("registers-needs", "Registers medical equipment at home", "join", "regulation",
                ("phone", "web")),
               ("register-confirmed", "Receives the register confirmation", "onboard",
                "regulation", ("letter", "sms")),
               ("outage-priority-call", "Gets a call first during an outage", "support",
                "network", ("phone", "sms")),
           ]),
    _theme("energy-advice", "Getting energy-saving advice", "metering",
           "Lower bills from small changes at home",
           "Advice based on your own smart-meter data", ("advice", "energy"), [
               ("usage-alert", "Gets an alert about high use", "use", "metering",
                ("app", "email")),
               ("reads-tips", "Reads the energy-saving tips", "use", "marketing",
                ("web", "app")),
               ("advice-call", "Books a call with an energy adviser", "use", "metering",
                ("phone", "chat")),
               ("savings-report", "Sees the savings after a month", "use", "metering",
                ("app", "email")),
           ]),
    _theme("estimated-bill", "Disputing an estimated bill", "billing",
           "A bill based on the real reading, and an apology",
           "We correct a wrong estimate within 5 working days", ("billing", "readings"), [
               ("high-estimate", "Receives an estimated bill that looks too high", "pay",
                "billing", ("email", "letter")),
               ("sends-proof", "Sends a dated photo of the meter", "pay", "digital",
                ("app", "email")),
               ("dispute-review", "Hears the dispute outcome", "pay", "billing",
                ("email", "phone")),
               ("goodwill-credit", "Receives a goodwill credit", "pay", "billing",
                ("email", "app")),
           ]),
    _theme("arrears-help", "Getting help with arrears", "billing",
           "A way out of debt without shame", "No debt collector before we have talked to you",
           ("arrears", "vulnerable"), [
               ("missed-payment", "Misses a payment", "pay", "billing", ("sms", "letter")),
               ("hardship-grant", "Applies to the hardship fund", "pay", "regulation",
                ("web", "phone")),
               ("debt-advice-referral", "Is referred to free debt advice", "pay", "regulation",
                ("phone", "email")),
               ("arrears-cleared", "Hears the arrears are cleared", "pay", "billing",
                ("letter", "email")),
           ]),
    _theme("account-access", "Adding someone to the account", "care",
           "A carer or partner who can manage the account too",
           "A second account holder is added within 2 days", ("account", "self-service"), [
               ("asks-to-add", "Asks to add a partner or carer", "support", "care",
                ("web", "phone")),
               ("identity-check", "Passes the identity check", "support", "metering",
                ("app", "email")),
               ("access-granted", "Sees the second holder on the account", "support", "digital",
                ("app", "email")),
               ("power-of-attorney", "Registers a power of attorney", "support", "care",
                ("letter", "phone")),
           ]),
    _theme("price-change", "Hearing about a price change", "sales",
           "Knowing in time what the new price means", "30 days' notice of every price change",
           ("pricing", "energy"), [
               ("price-letter", "Receives the price-change notice", "pay", "sales",
                ("letter", "email")),
               ("price-calculator", "Uses the new-price calculator", "pay", "digital",
                ("web", "app")),
               ("price-question", "Asks how the change affects the bill", "support", "care",
                ("chat", "phone")),
               ("price-switch", "Moves to a cheaper fixed tariff", "renew", "sales",
                ("app", "web")),
           ]),
    _theme("referral", "Recommending Brightwater to a friend", "marketing",
           "A reward for a recommendation, paid without fuss",
           "Referral rewards are credited within 30 days", ("referrals",), [
               ("shares-link", "Shares a referral link", "renew", "marketing", ("app", "sms")),
               ("friend-joins", "Sees the friend join", "renew", "sales", ("email", "app")),
               ("reward-credited", "Receives the referral reward", "renew", "billing",
                ("email", "app")),
               ("reward-missing", "Asks about a missing reward", "renew", "care",
                ("chat", "email")),
           ]),
]  # fmt: skip

# id, words after the theme's title, persona, tag, department of the accountable team
# (None: the theme's own)
SEGMENTS: list[tuple[str, str, str, str, str | None]] = [
    ("renting", "in a rented flat", "first-home", "renters", None),
    ("family", "for a family home", "young-family", "families", None),
    ("priority", "with extra help", "priority-customer", "priority-services", "regulation"),
    ("business", "for a small business", "small-business", "business", "business"),
    ("ev", "as an electric-car driver", "ev-driver", "ev-drivers", None),
    ("landlord", "for a rental portfolio", "landlord", "landlords", "business"),
    ("prepay", "on a prepayment meter", "young-family", "prepayment", None),
    ("solar", "in a home with solar panels", "young-family", "solar-homes", None),
    ("new-build", "in a new-build home", "first-home", "new-build-homes", None),
    ("retired", "in retirement", "priority-customer", "older-customers", None),
]

JOURNEY_COUNT = len(THEMES) * len(SEGMENTS)
TEAM_COUNT = sum(len(teams) for _, _, teams in DEPARTMENTS)

SEARCHED_TOUCHPOINT = ("Meets the smart-meter installer", "tp-installer-visit")
"""A touch point that the handbook's search must find: its name (in the ten smart-meter
journeys) and the anchor of its section on a journey page."""
BROKEN_PROMISE = ("complaint-business", "complaint-business-promise")
"""(journey, promise): the one promise made that no touch point keeps."""

_STATUSES = ["live", "live", "researched", "live", "draft", "live", "researched", "live",
             "live", "retired"]  # fmt: skip
_CONFIDENCE = ["observed", "observed", "assumed", "proposed"]
_RESPONSE_MINUTES = {"marketing": 1440, "sales": 240, "care": 60, "billing": 2880, "field": 4320,
                     "network": 120, "digital": 15, "metering": 1440, "business": 240,
                     "regulation": 480}  # fmt: skip
"""What each department's teams commit to answer within: one time per team, on every
channel (so that no team commits to two times on one channel: CX305)."""
_BUSINESS_SEGMENTS = {"business", "landlord"}
_SERVED_BY_BUSINESS = {"sales", "care", "billing"}
"""Departments whose steps the Business Customers department takes over for business
and landlord customers."""
_KPIS = [
    ("Customer satisfaction (1-5)", 4.3, "higher", None),
    ("Resolved first time", 80.0, "higher", "%"),
    ("Days to complete", 5.0, "lower", "days"),
    ("Repeat contacts", 12.0, "lower", "%"),
]


def _duration(minutes: int) -> str:
    """The shortest duration text for ``minutes``: ``5m``, ``8h``, ``2d``."""
    for unit, size in (("w", 10080), ("d", 1440), ("h", 60)):
        if minutes % size == 0:
            return f"{minutes // size}{unit}"
    return f"{minutes}m"


def _lead(number: int) -> str:
    first = FIRST_NAMES[number % len(FIRST_NAMES)]
    last = LAST_NAMES[(number * 7 + 3) % len(LAST_NAMES)]
    return f"{first} {last}"


def organization() -> dict[str, Any]:
    teams: list[dict[str, str]] = []
    for department, _, department_teams in DEPARTMENTS:
        for key, name in department_teams:
            teams.append(
                {
                    "id": key,
                    "name": name,
                    "department": department,
                    "lead": _lead(len(teams)),
                    "contact": f"{key}@brightwater.example",
                }
            )
    return {
        "name": ORGANIZATION_NAME,
        "description": "Supplies electricity, gas, water and full-fibre broadband to 2.4 "
        "million homes and 90,000 businesses.",
        "departments": [{"id": key, "name": name} for key, name, _ in DEPARTMENTS],
        "teams": teams,
        "channels": [
            {"id": key, "name": name, "staffed": staffed} for key, name, staffed in CHANNELS
        ],
        "personas": [
            {"id": key, "name": name, "description": text} for key, name, text in PERSONAS
        ],
        "stages": [{"id": key, "name": name} for key, name in STAGES],
    }


_TEAMS = {department: [key for key, _ in teams] for department, _, teams in DEPARTMENTS}


def _team(department: str, turn: int) -> str:
    teams = _TEAMS[department]
    return teams[turn % len(teams)]


def _touchpoint(
    step: Step, department: str, number: int, position: int, last: bool, rng: random.Random
) -> dict[str, Any]:
    owner = _team(department, number + position)
    promised = _RESPONSE_MINUTES[department]
    expected = promised * 2
    if number % 50 == 7 and position == 1:
        expected = promised // 2  # an expectation gap: CX104
    touchpoint: dict[str, Any] = {
        "id": step.id,
        "name": step.name,
        "stage": step.stage,
        "owner": owner,
        "channels": list(step.channels),
        "confidence": _CONFIDENCE[(number + position) % len(_CONFIDENCE)],
        "customer_action": step.name,
        "expectation": {
            "text": f"Done within {_duration(expected)}",
            "within": _duration(expected),
        },
        "standard": {
            "text": f"We respond within {_duration(promised)}",
            "within": _duration(promised),
        },
    }
    if STAFFED & set(step.channels):
        touchpoint["escalates_to"] = _team(department, number + position + 1)
    emotion = rng.randint(-2, 2)
    touchpoint["emotion"] = emotion
    if emotion < 0 and (number + position) % 41 != 7:  # a few lows go unrecovered: CX304
        touchpoint["recovery"] = "A named adviser calls back the same day and puts it right"
    if position == 2 and number % 4 == 1:
        touchpoint["moment_of_truth"] = True
        if number % 24 != 1:
            touchpoint["delight"] = "A handwritten thank-you card from the team"
    if step.channels[0] in {"sms", "email", "letter"} and position == 0:
        touchpoint["proactive"] = True
    if (step.stage == "support" or last) and number % 23 != 4:  # a few lack one: CX303
        touchpoint["handles_complaints"] = True
    if (number * 4 + position) % 5 == 2:
        touchpoint["to_be"] = _target(touchpoint, emotion, promised, number % 3)
    if (number + position) % 3 == 0:
        name, target, better, unit = _KPIS[(number + position) % len(_KPIS)]
        spread = target * 0.15
        kpi: dict[str, Any] = {
            "name": name,
            "target": target,
            "actual": round(target + rng.uniform(-spread, spread), 1),
            "better": better,
        }
        if unit is not None:
            kpi["unit"] = unit
        touchpoint["kpis"] = [kpi]
    if "app" in step.channels and position % 2 == 0:
        touchpoint["tags"] = ["digital-first"]
    if department == "field":
        touchpoint["tags"] = [*touchpoint.get("tags", []), "field-visit"]
    return touchpoint


def _target(
    touchpoint: dict[str, Any], emotion: int, promised: int, variant: int
) -> dict[str, Any]:
    """A ``to_be``: a change of everything (0), a target reached already (1), or a faster
    standard and a better feeling (2)."""
    if variant == 1:
        return {
            "emotion": emotion,
            "standard": dict(touchpoint["standard"]),
            "description": "Reached: the new process went live this spring",
        }
    faster = _duration(max(1, promised // 2))
    target: dict[str, Any] = {
        "emotion": min(2, emotion + 2),
        "standard": {"text": f"We respond within {faster}", "within": faster},
    }
    if variant == 0:
        target["channels"] = sorted({*touchpoint["channels"], "app"})
        target["description"] = (
            "Handled in the app from start to finish, with a person one tap away"
        )
    return target


def journey(number: int) -> dict[str, Any]:
    """Journey ``number`` (0 to 299): theme ``number // 10`` lived by segment ``number % 10``."""
    theme = THEMES[number // len(SEGMENTS)]
    segment, words, persona, tag, department = SEGMENTS[number % len(SEGMENTS)]
    rng = random.Random(SEED * 1000 + number)
    key = f"{theme.id}-{segment}"
    steps = list(theme.steps) if number % 3 != 1 else list(theme.steps[:3])
    business = segment in _BUSINESS_SEGMENTS
    touchpoints = [
        _touchpoint(
            step,
            "business" if business and step.department in _SERVED_BY_BUSINESS else step.department,
            number,
            position,
            position == len(steps) - 1,
            rng,
        )
        for position, step in enumerate(steps)
    ]
    for touchpoint, following in itertools.pairwise(touchpoints):
        touchpoint["next"] = [following["id"]]
    reviewed = dt.date(2026, 1, 5) + dt.timedelta(days=(number * 11) % 320)
    written: dict[str, Any] = {
        "id": key,
        "title": f"{theme.title} {words}",
        "persona": persona,
        "owner": _team(department or theme.department, number),
        "status": _STATUSES[number % len(_STATUSES)],
        "goal": theme.goal,
        "stages": sorted({step.stage for step in steps}, key=STAGE_ORDER.__getitem__),
        "reviewed": reviewed.isoformat(),
        "tags": [*theme.tags, tag],
    }
    if number % 3 == 0 or key == BROKEN_PROMISE[0]:
        promise = f"{key}-promise"
        written["promises"] = [{"id": promise, "text": theme.promise}]
        touchpoints[0]["promises"] = [promise]
        if key != BROKEN_PROMISE[0]:
            touchpoints[-1]["keeps"] = [promise]
    written["touchpoints"] = touchpoints
    return written


def write_project(folder: Path) -> Path:
    """Write the project into ``folder`` (created if needed) and return ``folder``."""
    target = folder / "journeys"
    write_yaml(target / "organization.yaml", "organization", organization())
    (folder / "cxmap.yaml").write_text(
        "# Brightwater's journeys need not involve any particular department (CX204).\n"
        "required_departments: []\n",
        encoding="utf-8",
    )
    for number in range(JOURNEY_COUNT):
        written = journey(number)
        owner = written["owner"]
        department = next(d for d, teams in _TEAMS.items() if owner in teams)
        write_yaml(target / department / f"{written['id']}.yaml", "journey", written)
    return folder


if __name__ == "__main__":
    import sys

    print(write_project(Path(sys.argv[1])))
