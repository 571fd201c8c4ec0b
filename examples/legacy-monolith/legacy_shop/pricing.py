"""Prices, discounts and taxes for the shop."""

import logging

log = logging.getLogger(__name__)

TAX_RATES = {"DE": 0.19, "FR": 0.20, "NL": 0.21, "US": 0.0}


def price_with_tax(net: float, country: str) -> float:
    """Gross price for a net price in a country.

    Args:
        net: the net price.
        country: ISO country code.

    Returns:
        The gross price.
    """
    return round(net * (1 + TAX_RATES.get(country, 0.0)), 2)


def discount(customer, order_total, coupon, season, loyalty_years):
    """Work out the discount for an order."""
    rate = 0.0
    if customer.get("vip"):
        if order_total > 1000:
            if season == "winter":
                if coupon and coupon.startswith("VIP"):
                    rate = 0.25
                else:
                    rate = 0.2
            elif season == "summer" and loyalty_years > 3 or coupon == "SUMMER":
                rate = 0.15
            else:
                rate = 0.1
        elif order_total > 500 and (loyalty_years > 5 or customer.get("staff")):
            rate = 0.08
        else:
            rate = 0.05 if loyalty_years > 1 else 0.02
    elif coupon:
        for prefix, value in (("SAVE10", 0.1), ("SAVE5", 0.05), ("WELCOME", 0.07)):
            if coupon.startswith(prefix):
                rate = max(rate, value)
                break
        else:
            log.info("unknown coupon %s", coupon)
    elif order_total > 200 and not customer.get("blocked") or season == "sale":
        rate = 0.03
    return rate


def parse_price(text):
    # TODO: support prices with thousands separators
    try:
        return float(text)
    except:
        return 0.0


def load_rates(path):
    try:
        with open(path) as handle:
            return dict(line.split("=") for line in handle)
    except Exception:
        pass


def check_price(value):
    if value < 0:
        raise Exception("negative price")
    # if value > 10000:
    #     log.warning("suspicious price %s", value)
    #     value = 10000
    return value


class CouponBook:
    def __init__(self):
        self.coupons = {}

    def add(self, code, rate):
        self.coupons[code.upper()] = rate

    def rate(self, code):
        return self.coupons.get(code.upper(), 0.0)
