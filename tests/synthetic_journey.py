"""A synthetic project with one large journey, for the browser tests of the diagrams.

``write_project(folder)`` writes ``journeys/organization.yaml``, one journey of 30 touch
points across 7 stages (``JOURNEY_ID``) and a ``cxmap.yaml``, and returns ``folder``.

The journey is what a real one looks like at its largest, not a row of "Step N": seven
departments and eleven teams; names of 30 to 40 characters with hyphens, ampersands,
apostrophes, quotes and colons ("Re-check & confirm the customer's e-mail"); one to three
channels each; five touch points without ``emotion``; five moments of truth; four
internal touch points, each naming the team it serves (``customer``); ``to_be`` on four;
and ``next`` that follows the file order except in the claim stage, where the drying
contractor is booked (listed fifth) before the claim decision (listed fourth).

``benchmarks/synthetic.py`` makes projects of any size for timing, but of uniform
"Step N of journey M" touch points with every field set, four departments and six stages:
none of what this journey is for (long and awkward names, gaps, marks, an order of its
own), so it is not reused here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpers import write_yaml

JOURNEY_ID = "insure-claim-renew"
STAGES = ["discover", "compare", "buy", "onboard", "live", "claim", "renew"]

ORGANIZATION: dict[str, Any] = {
    "name": "Harbour & Hearth Home Insurance",
    "departments": [
        {"id": "marketing", "name": "Marketing & Brand"},
        {"id": "sales", "name": "Sales & Advice"},
        {"id": "care", "name": "Policyholders' Care"},
        {"id": "claims", "name": "Claims & Assistance"},
        {"id": "underwriting", "name": "Underwriting & Risk"},
        {"id": "finance", "name": "Billing & Payments"},
        {"id": "digital", "name": "Digital & App"},
    ],
    "teams": [
        {"id": "brand-studio", "name": "Brand & Campaigns Studio", "department": "marketing"},
        {"id": "growth", "name": "Web & Price-comparison Growth", "department": "marketing"},
        {"id": "online-advice", "name": "Online Sales & Quote Desk", "department": "sales"},
        {"id": "phone-advisers", "name": "Home Insurance Phone Advisers", "department": "sales"},
        {"id": "care-desk", "name": "Policyholders' Care Desk", "department": "care"},
        {"id": "claims-handling", "name": "Claims Handling & Recovery", "department": "claims"},
        {"id": "repair-network", "name": "Emergency Repair Network", "department": "claims"},
        {
            "id": "underwriters",
            "name": "Home Underwriting & Risk Review",
            "department": "underwriting",
        },
        {"id": "fraud-unit", "name": "Fraud & Financial-crime Unit", "department": "underwriting"},
        {"id": "billing", "name": "Billing, Payments & Refunds", "department": "finance"},
        {"id": "app-team", "name": "Hearth App & Smart-sensor Team", "department": "digital"},
    ],
    "channels": [
        {"id": "phone", "name": "Phone", "staffed": True},
        {"id": "email", "name": "E-mail", "staffed": True},
        {"id": "chat", "name": "Live chat", "staffed": True},
        {"id": "home-visit", "name": "Home visit", "staffed": True},
        {"id": "social", "name": "Social media", "staffed": True},
        {"id": "web", "name": "Website"},
        {"id": "app", "name": "Hearth app"},
        {"id": "sms", "name": "SMS"},
        {"id": "post", "name": "Letter post"},
        {"id": "comparison", "name": "Price-comparison site"},
        {"id": "workflow", "name": "Case & workflow tool"},
    ],
    "personas": [
        {
            "id": "homeowner",
            "name": "First-time homeowner",
            "description": "Bought a 1930s terraced house; wants cover that pays out fast.",
        }
    ],
    "stages": [
        {"id": "discover", "name": "Discovery"},
        {"id": "compare", "name": "Comparing quotes"},
        {"id": "buy", "name": "Purchase & sign-up"},
        {"id": "onboard", "name": "Welcome & set-up"},
        {"id": "live", "name": "Living with the policy"},
        {"id": "claim", "name": "Making a claim"},
        {"id": "renew", "name": "Renewal & loyalty"},
    ],
}

_NO_EMOTION = None

# id, name, stage, owner, channels, emotion, further fields
_TOUCHPOINTS: list[tuple[str, str, str, str, list[str], int | None, dict[str, Any]]] = [
    ("tv-campaign", "Sees the Home & Contents campaign", "discover", "brand-studio",
     ["social", "web"], 0, {}),
    ("comparison-listing", "Finds us on a price-comparison site", "discover", "growth",
     ["comparison"], 1, {}),
    ("neighbour-tip", "Hears about us from a neighbour", "discover", "brand-studio",
     ["social"], _NO_EMOTION, {}),
    ("flood-faq", "Reads the FAQ on flood & storm cover", "discover", "growth",
     ["web"], -1, {"recovery": "A chat button on every FAQ answer"}),
    ("online-quote", "Online quote in under five minutes", "compare", "online-advice",
     ["web", "app"], 1, {"moment_of_truth": True, "delight": "Price held for 30 days",
                         "to_be": {"emotion": 2}}),
    ("adviser-call", "Calls an adviser to compare cover", "compare", "phone-advisers",
     ["phone"], 1, {}),
    ("cover-checker", "Checks what's covered, room by room", "compare", "growth",
     ["web"], 0, {}),
    ("underwriting-review", "Underwriting reviews a non-standard home", "compare",
     "underwriters", ["workflow"], 0,
     {"audience": "internal", "customer": "phone-advisers"}),
    ("e-signature", "Signs the policy with an e-signature", "buy", "online-advice",
     ["web", "email"], 1, {}),
    ("direct-debit", "Sets up the direct-debit & first payment", "buy", "billing",
     ["web"], 0, {}),
    ("email-check", "Re-check & confirm the customer's e-mail", "buy", "care-desk",
     ["email", "sms"], -1, {"recovery": "A call-back when the e-mail bounces twice"}),
    ("fraud-screening", "Fraud & sanctions screening", "buy", "fraud-unit",
     ["workflow"], _NO_EMOTION,
     {"audience": "internal", "customer": "online-advice"}),
    ("welcome-pack", "Welcome pack & policy documents", "onboard", "care-desk",
     ["email", "post"], 1, {}),
    ("app-setup", "Sets up the app & leak sensors", "onboard", "app-team",
     ["app"], 0, {}),
    ("welcome-call", "Welcome call from a named adviser", "onboard", "care-desk",
     ["phone"], _NO_EMOTION, {}),
    ("data-handover", "Policy data hand-over to Care", "onboard", "online-advice",
     ["workflow"], 0, {"audience": "internal", "customer": "care-desk"}),
    ("mid-term-change", "Adds a new bike & jewellery to cover", "live", "care-desk",
     ["app", "web", "chat"], 1, {}),
    ("leak-alert", "Leak-sensor alert at 3 a.m.", "live", "app-team",
     ["app", "sms"], -1, {"moment_of_truth": True,
                          "recovery": "The alert opens a call to the repair line"}),
    ("premium-question", "Asks why the premium went up mid-term", "live", "billing",
     ["chat", "phone"], -2,
     {"recovery": "A written breakdown of the new premium the same day",
      "handles_complaints": True,
      "to_be": {"emotion": 1, "standard": {"text": "Answer in the chat", "within": "15m"}}}),
    ("safety-newsletter", "Seasonal home-safety tips newsletter", "live", "brand-studio",
     ["email"], _NO_EMOTION, {}),
    ("first-notice", "Reports a burst pipe: first notice of loss", "claim", "claims-handling",
     ["phone", "app"], -2, {"moment_of_truth": True,
                            "recovery": "A named handler calls back within the hour"}),
    ("emergency-plumber", "Emergency plumber sent within 4 hours", "claim", "repair-network",
     ["home-visit", "sms"], 1, {"moment_of_truth": True}),
    ("loss-adjuster", "Loss adjuster's visit & damage survey", "claim", "claims-handling",
     ["home-visit"], -1, {"recovery": "Visit slots offered on Saturdays too"}),
    ("claim-decision", "Claim decision & settlement offer", "claim", "claims-handling",
     ["email", "phone"], 0, {"moment_of_truth": True,
                             "to_be": {"emotion": 2, "channels": ["app", "phone"]}}),
    ("drying-contractor", "Books the drying contractor for the adjuster", "claim",
     "repair-network", ["workflow"], 0,
     {"audience": "internal", "customer": "claims-handling"}),
    ("settlement-payment", "Pays the settlement into the customer's account", "claim",
     "billing", ["email"], 1, {}),
    ("renewal-notice", "Renewal notice with last year's price", "renew", "care-desk",
     ["email", "post"], -1, {"recovery": "Last year's price printed beside the new one",
                             "to_be": {"emotion": 1,
                                       "description": "Show both prices and why"}}),
    ("retention-call", "Retention call: \"can we match the quote?\"", "renew",
     "phone-advisers", ["phone"], _NO_EMOTION, {}),
    ("loyalty-reward", "Five-year loyalty reward & thank-you", "renew", "brand-studio",
     ["email", "app"], 2, {}),
    ("nps-survey", "Tells us how we did (NPS survey)", "renew", "care-desk",
     ["email", "sms"], 0, {}),
]  # fmt: skip

_NEXT_EXCEPTIONS = {
    # the file lists the decision (4th) before the contractor (5th); the flow books first
    "loss-adjuster": ["drying-contractor"],
    "drying-contractor": ["claim-decision"],
    "claim-decision": ["settlement-payment"],
    "emergency-plumber": ["loss-adjuster"],
}
_STAFFED = {"phone", "email", "chat", "home-visit", "social"}
_LANES: dict[str, dict[str, list[str]]] = {
    "online-quote": {"physical_evidence": ["Quote summary & cover table"]},
    "e-signature": {"support_processes": ["Policy administration system"]},
    "leak-alert": {"backstage": ["Sensor platform raises the alarm"]},
    "first-notice": {
        "physical_evidence": ["Claim reference by SMS"],
        "backstage": ["Claims system opens the case & books a handler"],
        "support_processes": ["Claims & repair-network scheduling"],
    },
    "drying-contractor": {"backstage": ["Contractor's dehumidifiers delivered"]},
    "settlement-payment": {"support_processes": ["Payments & ledger system"]},
}


def touchpoints() -> list[dict[str, Any]]:
    """The journey's touch points, in file order, as they are written to the file."""
    written: list[dict[str, Any]] = []
    ids = [row[0] for row in _TOUCHPOINTS]
    for position, (key, name, stage, owner, channels, emotion, extra) in enumerate(_TOUCHPOINTS):
        touchpoint: dict[str, Any] = {
            "id": key,
            "name": name,
            "stage": stage,
            "owner": owner,
            "channels": channels,
            "customer_action": f"Goes through \u201c{name}\u201d",
            "expectation": {"text": "A clear answer the same day", "within": "8h"},
            "standard": {"text": "Answered within 4 hours", "within": "4h"},
        }
        if _STAFFED & set(channels):
            touchpoint["escalates_to"] = "claims-handling" if stage == "claim" else "care-desk"
        if emotion is not None:
            touchpoint["emotion"] = emotion
        touchpoint.update(extra)
        touchpoint.update(_LANES.get(key, {}))
        if key in _NEXT_EXCEPTIONS:
            touchpoint["next"] = _NEXT_EXCEPTIONS[key]
        elif position + 1 < len(ids):
            touchpoint["next"] = [ids[position + 1]]
        written.append(touchpoint)
    return written


def journey() -> dict[str, Any]:
    return {
        "id": JOURNEY_ID,
        "title": "Insuring a home, claiming after a burst pipe & renewing",
        "persona": "homeowner",
        "owner": "care-desk",
        "status": "live",
        "goal": "Covered from the first quote; the house dry and paid for within a week",
        "stages": STAGES,
        "reviewed": "2026-09-01",
        "tags": ["synthetic", "insurance"],
        "touchpoints": touchpoints(),
    }


def write_project(folder: Path) -> Path:
    """Write the project into ``folder`` (created if needed) and return ``folder``."""
    target = folder / "journeys"
    write_yaml(target / "organization.yaml", "organization", ORGANIZATION)
    write_yaml(target / f"{JOURNEY_ID}.yaml", "journey", journey())
    (folder / "cxmap.yaml").write_text("required_departments: [care, claims]\n", encoding="utf-8")
    return folder
