"""The `procedures` kind: results of the one-stop desk (kết quả giải quyết thủ tục hành chính).

One row per field (lĩnh vực): records received, resolved (early, on time, late), still in progress, and
the apology letters sent for late ones. Pure core: schema (columns and the usual report headers), load
(checks only: the sums of each row and of the total line), present (the on-time rate, the online share,
the sentences for the page, the feed and the loudspeaker), export (open data). Glue: the registration.
"""

from plugins.procedures.kind import PROCEDURES


def register_kinds() -> None:
    from plugins.disclosures.kinds import KINDS

    KINDS.add(PROCEDURES, __name__)


register = register_kinds  # Pelican's entry point: a kind connects no signal of its own
