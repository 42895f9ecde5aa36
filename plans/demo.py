"""Demo data of the plans app: the five seed plans (and the units they name)."""


def load() -> str:
    from .seeding import seed_plans_load

    return seed_plans_load()
