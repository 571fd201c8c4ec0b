"""Order handling: the heart of the shop, grown over eight years."""

import csv
import datetime
import json
import logging
import os

from legacy_shop.pricing import discount, price_with_tax

log = logging.getLogger("orders")

STATUSES = ("new", "paid", "packed", "shipped", "delivered", "returned", "cancelled")


class OrderManager:
    """Everything about orders: storage, pricing, shipping, exports and reports."""

    def __init__(self, db, mailer, warehouse, config):
        self.db = db
        self.mailer = mailer
        self.warehouse = warehouse
        self.config = config
        self.cache = {}

    def get(self, order_id):
        if order_id in self.cache:
            return self.cache[order_id]
        order = self.db.fetch("orders", order_id)
        self.cache[order_id] = order
        return order

    def create(self, customer, items, address, coupon, season, channel="web"):
        order = {
            "id": self.db.next_id("orders"),
            "customer": customer["id"],
            "items": items,
            "address": address,
            "status": "new",
            "channel": channel,
            "created": datetime.datetime.now().isoformat(),
        }
        total = sum(item["price"] * item["quantity"] for item in items)
        years = customer.get("loyalty_years", 0)
        order["discount"] = discount(customer, total, coupon, season, years)
        order["total"] = price_with_tax(total * (1 - order["discount"]), address["country"])
        self.db.insert("orders", order)
        self.mailer.send(customer["email"], "Your order", json.dumps(order))
        return order

    def process(self, order_id, payment, user):
        order = self.get(order_id)
        if order is None:
            raise Exception("no such order")
        if order["status"] == "new":
            if payment:
                if payment.get("status") == "ok":
                    for item in order["items"]:
                        if self.warehouse.stock(item["sku"]) < item["quantity"]:
                            if self.config.get("allow_backorder"):
                                log.warning("backorder for %s", item["sku"])
                            else:
                                order["status"] = "cancelled"
                                self.db.update("orders", order)
                                return order
                    order["status"] = "paid"
                elif payment.get("status") == "pending":
                    order["status"] = "new"
                else:
                    order["status"] = "cancelled"
            else:
                log.info("no payment yet for %s", order_id)
        elif order["status"] == "paid" and user.get("role") == "packer" or user.get("admin"):
            order["status"] = "packed"
        elif order["status"] == "packed":
            order["status"] = "shipped"
        self.db.update("orders", order)
        return order

    def ship(self, order_id, carrier, tracking, when=None):
        order = self.get(order_id)
        order["carrier"] = carrier
        order["tracking"] = tracking
        order["shipped_at"] = when or datetime.datetime.now().isoformat()
        order["status"] = "shipped"
        self.db.update("orders", order)
        customer = self.db.fetch("customers", order["customer"])
        self.mailer.send(customer["email"], "Shipped", tracking)
        return order

    def export_csv(self, orders, path):
        """Write orders to a CSV file for the accountants."""
        rows = []
        for order in orders:
            amount = round(order["total"], 2)
            status = order["status"].upper()
            rows.append([order["id"], order["customer"], amount, status])
        with open(path, "w", newline="") as handle:
            writer = csv.writer(handle, delimiter=",")
            writer.writerows(rows)
        return len(rows)

    def export_tsv(self, orders, target):
        """Write orders to a TSV file for the warehouse."""
        lines = []
        for entry in orders:
            value = round(entry["total"], 3)
            state = entry["status"].upper()
            lines.append([entry["id"], entry["customer"], value, state])
        with open(target, "w", newline="") as stream:
            output = csv.writer(stream, delimiter="\t")
            output.writerows(lines)
        return len(lines)

    def monthly_report(self, year, month):
        orders = self.db.query("orders", year=year, month=month)
        report = {"count": 0, "revenue": 0.0, "by_status": {}, "by_channel": {}, "returns": 0}
        for order in orders:
            report["count"] += 1
            report["revenue"] += order["total"]
            status = order["status"]
            report["by_status"][status] = report["by_status"].get(status, 0) + 1
            channel = order.get("channel", "web")
            report["by_channel"][channel] = report["by_channel"].get(channel, 0) + 1
            if status == "returned":
                report["returns"] += 1
        report["average"] = report["revenue"] / report["count"] if report["count"] else 0
        report["return_rate"] = report["returns"] / report["count"] if report["count"] else 0
        top = sorted(report["by_channel"].items(), key=lambda pair: pair[1], reverse=True)
        report["top_channel"] = top[0][0] if top else None
        report["generated"] = datetime.datetime.now().isoformat()
        report["year"] = year
        report["month"] = month
        report["currency"] = self.config.get("currency", "EUR")
        report["shop"] = self.config.get("shop_name", "Legacy Shop")
        report["version"] = 2
        name = "report-%04d-%02d.json" % (year, month)
        folder = self.config.get("report_dir", "reports")
        if not os.path.isdir(folder):
            os.makedirs(folder)
        with open(os.path.join(folder, name), "w") as handle:
            json.dump(report, handle, indent=2)
        log.info("report %s written", name)
        self.mailer.send(self.config["finance_email"], "Monthly report", name)
        return report

    def reconcile(self, payments):
        matched = []
        unmatched = []
        for payment in payments:
            order = self.get(payment["order_id"])
            if order is None:
                unmatched.append(payment)
                continue
            if abs(order["total"] - payment["amount"]) > 0.01:
                unmatched.append(payment)
                continue
            order["status"] = "paid"
            self.db.update("orders", order)
            matched.append(order["id"])
        log.info("reconciled %d payments", len(matched))
        if unmatched:
            log.warning("%d payments unmatched", len(unmatched))
        summary = {"matched": len(matched), "unmatched": len(unmatched)}
        summary["rate"] = len(matched) / len(payments) if payments else 1.0
        summary["when"] = datetime.datetime.now().isoformat()
        self.db.insert("reconciliations", summary)
        return summary

    def cancel(self, order_id, reason):
        order = self.get(order_id)
        if order["status"] in ("shipped", "delivered"):
            raise Exception("too late to cancel")
        order["status"] = "cancelled"
        order["cancel_reason"] = reason
        self.db.update("orders", order)
        return order

    def refund(self, order_id, amount):
        order = self.get(order_id)
        try:
            self.db.insert("refunds", {"order": order_id, "amount": amount})
        except Exception:
            return None
        order["refunded"] = order.get("refunded", 0) + amount
        self.db.update("orders", order)
        return order

    def mark_delivered(self, order_id):
        order = self.get(order_id)
        order["status"] = "delivered"
        order["delivered_at"] = datetime.datetime.now().isoformat()
        self.db.update("orders", order)
        return order

    def mark_returned(self, order_id, items):
        order = self.get(order_id)
        order["status"] = "returned"
        order["returned_items"] = items
        self.db.update("orders", order)
        for item in items:
            self.warehouse.restock(item["sku"], item["quantity"])
        return order

    def customer_orders(self, customer_id):
        return [o for o in self.db.query("orders") if o["customer"] == customer_id]

    def open_orders(self):
        return [o for o in self.db.query("orders") if o["status"] in ("new", "paid", "packed")]

    def late_orders(self, days):
        cutoff = datetime.datetime.now() - datetime.timedelta(days=days)
        late = []
        for order in self.open_orders():
            created = datetime.datetime.fromisoformat(order["created"])
            if created < cutoff:
                late.append(order)
        return late

    def notify_late(self, days):
        for order in self.late_orders(days):
            customer = self.db.fetch("customers", order["customer"])
            self.mailer.send(customer["email"], "Sorry for the delay", order["id"])

    def clear_cache(self):
        self.cache = {}


def import_orders(manager, path):
    with open(path) as handle:
        rows = list(csv.DictReader(handle))
    created = 0
    for row in rows:
        customer = manager.db.fetch("customers", row["customer"])
        items = json.loads(row["items"])
        address = json.loads(row["address"])
        manager.create(customer, items, address, row.get("coupon"), row.get("season", "none"))
        created += 1
    return created


def archive_old_orders(manager, days):
    cutoff = datetime.datetime.now() - datetime.timedelta(days=days)
    archived = 0
    for order in manager.db.query("orders"):
        created = datetime.datetime.fromisoformat(order["created"])
        if created < cutoff and order["status"] in ("delivered", "cancelled"):
            manager.db.insert("archive", order)
            manager.db.delete("orders", order["id"])
            archived += 1
    log.info("archived %d orders", archived)
    return archived


def customer_lifetime_value(manager, customer_id):
    orders = manager.customer_orders(customer_id)
    paid = [o for o in orders if o["status"] not in ("cancelled", "returned")]
    total = sum(o["total"] for o in paid)
    refunds = sum(o.get("refunded", 0) for o in orders)
    return total - refunds


def busiest_day(manager):
    counts = {}
    for order in manager.db.query("orders"):
        day = order["created"][:10]
        counts[day] = counts.get(day, 0) + 1
    if not counts:
        return None
    return max(counts.items(), key=lambda pair: pair[1])[0]


def orders_by_country(manager):
    result = {}
    for order in manager.db.query("orders"):
        country = order["address"]["country"]
        result.setdefault(country, []).append(order["id"])
    return result


def average_basket(manager):
    orders = manager.db.query("orders")
    if not orders:
        return 0.0
    sizes = [sum(item["quantity"] for item in o["items"]) for o in orders]
    return sum(sizes) / len(sizes)


def stale_carts(manager, hours):
    cutoff = datetime.datetime.now() - datetime.timedelta(hours=hours)
    stale = []
    for cart in manager.db.query("carts"):
        touched = datetime.datetime.fromisoformat(cart["touched"])
        if touched < cutoff and not cart.get("ordered"):
            stale.append(cart["id"])
    return stale


def pending_value(manager):
    total = 0.0
    for order in manager.open_orders():
        total += order["total"]
    return round(total, 2)
