"""Reports for the back office: HTML tables, CSV summaries and e-mail digests."""

import datetime
import html

CURRENCY = "EUR"


def money(value):
    return "%.2f %s" % (value, CURRENCY)


def html_table(headers, rows):
    parts = ["<table>", "<tr>"]
    for header in headers:
        parts.append("<th>%s</th>" % html.escape(str(header)))
    parts.append("</tr>")
    for row in rows:
        parts.append("<tr>")
        for cell in row:
            parts.append("<td>%s</td>" % html.escape(str(cell)))
        parts.append("</tr>")
    parts.append("</table>")
    return "\n".join(parts)


def order_rows(orders):
    rows = []
    for order in orders:
        rows.append((order["id"], order["status"], money(order["total"])))
    return rows


def status_summary(orders):
    summary = {}
    for order in orders:
        summary[order["status"]] = summary.get(order["status"], 0) + 1
    return sorted(summary.items())


def daily_digest(orders, day):
    todays = [o for o in orders if o["created"].startswith(day)]
    lines = ["Orders on %s: %d" % (day, len(todays))]
    for status, count in status_summary(todays):
        lines.append("  %-10s %5d" % (status, count))
    revenue = sum(o["total"] for o in todays)
    lines.append("Revenue: %s" % money(revenue))
    return "\n".join(lines)


def weekly_digest(orders, week_start):
    start = datetime.date.fromisoformat(week_start)
    days = [(start + datetime.timedelta(days=n)).isoformat() for n in range(7)]
    sections = [daily_digest(orders, day) for day in days]
    return "\n\n".join(sections)


def top_products(orders, limit):
    counts = {}
    for order in orders:
        for item in order["items"]:
            counts[item["sku"]] = counts.get(item["sku"], 0) + item["quantity"]
    ranked = sorted(counts.items(), key=lambda pair: pair[1], reverse=True)
    return ranked[:limit]


def top_customers(orders, limit):
    totals = {}
    for order in orders:
        totals[order["customer"]] = totals.get(order["customer"], 0) + order["total"]
    ranked = sorted(totals.items(), key=lambda pair: pair[1], reverse=True)
    return ranked[:limit]


def returns_report(orders):
    returned = [o for o in orders if o["status"] == "returned"]
    rows = []
    for order in returned:
        items = ", ".join(item["sku"] for item in order.get("returned_items", []))
        rows.append((order["id"], items, money(order.get("refunded", 0))))
    return html_table(("Order", "Items", "Refunded"), rows)


def shipping_report(orders):
    shipped = [o for o in orders if o.get("carrier")]
    by_carrier = {}
    for order in shipped:
        by_carrier.setdefault(order["carrier"], []).append(order["id"])
    rows = [(carrier, len(ids)) for carrier, ids in sorted(by_carrier.items())]
    return html_table(("Carrier", "Parcels"), rows)


def revenue_by_month(orders):
    months = {}
    for order in orders:
        month = order["created"][:7]
        months[month] = months.get(month, 0) + order["total"]
    return [(month, money(total)) for month, total in sorted(months.items())]


def revenue_chart(orders, width):
    data = revenue_by_month(orders)
    if not data:
        return ""
    peak = max(float(value.split()[0]) for _, value in data)
    lines = []
    for month, value in data:
        amount = float(value.split()[0])
        bar = "#" * int(width * amount / peak) if peak else ""
        lines.append("%s %s %s" % (month, bar, value))
    return "\n".join(lines)


def conversion_rate(carts, orders):
    if not carts:
        return 0.0
    return len(orders) / len(carts)


def funnel(visits, carts, orders):
    steps = [("visits", len(visits)), ("carts", len(carts)), ("orders", len(orders))]
    lines = []
    for name, count in steps:
        share = count / steps[0][1] * 100 if steps[0][1] else 0
        lines.append("%-8s %6d %5.1f%%" % (name, count, share))
    return "\n".join(lines)


def coupon_usage(orders):
    usage = {}
    for order in orders:
        coupon = order.get("coupon")
        if coupon:
            usage[coupon] = usage.get(coupon, 0) + 1
    return sorted(usage.items(), key=lambda pair: pair[1], reverse=True)


def discount_cost(orders):
    cost = 0.0
    for order in orders:
        rate = order.get("discount", 0)
        if rate:
            cost += order["total"] / (1 - rate) * rate
    return round(cost, 2)


def channel_mix(orders):
    mix = {}
    for order in orders:
        channel = order.get("channel", "web")
        mix[channel] = mix.get(channel, 0) + 1
    total = sum(mix.values())
    return {channel: count / total for channel, count in mix.items()} if total else {}


def late_shipments(orders, days):
    late = []
    for order in orders:
        if not order.get("shipped_at"):
            continue
        created = datetime.datetime.fromisoformat(order["created"])
        shipped = datetime.datetime.fromisoformat(order["shipped_at"])
        if (shipped - created).days > days:
            late.append(order["id"])
    return late


def delivery_times(orders):
    times = []
    for order in orders:
        if order.get("delivered_at") and order.get("shipped_at"):
            shipped = datetime.datetime.fromisoformat(order["shipped_at"])
            delivered = datetime.datetime.fromisoformat(order["delivered_at"])
            times.append((delivered - shipped).total_seconds() / 3600)
    return sum(times) / len(times) if times else None


def cancellation_reasons(orders):
    reasons = {}
    for order in orders:
        if order["status"] == "cancelled":
            reason = order.get("cancel_reason", "unknown")
            reasons[reason] = reasons.get(reason, 0) + 1
    return sorted(reasons.items())


def stock_alerts(warehouse, skus, threshold):
    alerts = []
    for sku in skus:
        level = warehouse.stock(sku)
        if level < threshold:
            alerts.append((sku, level))
    return alerts


def alert_email(alerts):
    if not alerts:
        return None
    lines = ["Stock is low for:"]
    for sku, level in alerts:
        lines.append("  %s: %d left" % (sku, level))
    lines.append("")
    lines.append("Please reorder.")
    return "\n".join(lines)


def finance_export(orders):
    rows = []
    for order in orders:
        net = order["total"] / 1.19
        rows.append((order["id"], "%.2f" % net, "%.2f" % (order["total"] - net)))
    return rows


def tax_summary(orders):
    by_country = {}
    for order in orders:
        country = order["address"]["country"]
        by_country[country] = by_country.get(country, 0) + order["total"]
    return sorted(by_country.items())


def customer_report(customers, orders):
    counts = {}
    for order in orders:
        counts[order["customer"]] = counts.get(order["customer"], 0) + 1
    rows = []
    for customer in customers:
        rows.append((customer["id"], customer["email"], counts.get(customer["id"], 0)))
    return html_table(("Customer", "E-mail", "Orders"), rows)


def inactive_customers(customers, orders, days):
    cutoff = (datetime.date.today() - datetime.timedelta(days=days)).isoformat()
    recent = {o["customer"] for o in orders if o["created"][:10] >= cutoff}
    return [c["id"] for c in customers if c["id"] not in recent]


def repeat_rate(orders):
    counts = {}
    for order in orders:
        counts[order["customer"]] = counts.get(order["customer"], 0) + 1
    if not counts:
        return 0.0
    repeat = sum(1 for count in counts.values() if count > 1)
    return repeat / len(counts)


def basket_pairs(orders):
    pairs = {}
    for order in orders:
        skus = sorted(item["sku"] for item in order["items"])
        for i, first in enumerate(skus):
            for second in skus[i + 1 :]:
                pairs[(first, second)] = pairs.get((first, second), 0) + 1
    return sorted(pairs.items(), key=lambda pair: pair[1], reverse=True)[:10]


def hourly_load(orders):
    hours = [0] * 24
    for order in orders:
        hours[int(order["created"][11:13])] += 1
    return hours
