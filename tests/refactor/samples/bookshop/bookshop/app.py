"""Bookshop: catalogue, carts, orders and reviews behind a tiny HTTP-style router.

Everything lives in this one module for historical reasons: the models, the in-memory
store, the business rules and the request handlers.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Callable, Iterable, Optional

log = logging.getLogger("bookshop")

# ---------------------------------------------------------------------------
# Configuration
# ---------------------------------------------------------------------------

CURRENCY = "EUR"
VAT_RATES = {"book": Decimal("0.07"), "ebook": Decimal("0.19"), "gift": Decimal("0.19")}
FREE_SHIPPING_FROM = Decimal("30.00")
SHIPPING_FLAT = Decimal("3.95")
MAX_CART_LINES = 40
PAGE_SIZE = 10
ISBN_PATTERN = re.compile(r"^(97[89])?\d{9}[\dX]$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
ORDER_STATES = ("open", "paid", "shipped", "delivered", "cancelled", "refunded")
ALLOWED_TRANSITIONS = {
    "open": ("paid", "cancelled"),
    "paid": ("shipped", "refunded"),
    "shipped": ("delivered",),
    "delivered": ("refunded",),
    "cancelled": (),
    "refunded": (),
}


# ---------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------


class ShopError(Exception):
    """Base class of every error the shop reports to a client."""

    status = 400

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.details = details

    def to_dict(self) -> dict[str, Any]:
        return {"error": self.message, **self.details}


class NotFound(ShopError):
    """The thing asked for does not exist."""

    status = 404


class Conflict(ShopError):
    """The request clashes with the current state (stock, order state)."""

    status = 409


class ValidationError(ShopError):
    """The request's data is malformed."""

    status = 422


# ---------------------------------------------------------------------------
# Models
# ---------------------------------------------------------------------------


def money(value: Any) -> Decimal:
    """A Decimal rounded to cents, from anything Decimal accepts."""
    return Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass
class Author:
    id: int
    name: str
    born: Optional[int] = None
    bio: str = ""

    def slug(self) -> str:
        return slugify(self.name)


@dataclass
class Book:
    id: int
    isbn: str
    title: str
    author_id: int
    price: Decimal
    kind: str = "book"
    stock: int = 0
    tags: list[str] = field(default_factory=list)
    published: Optional[dt.date] = None

    @property
    def available(self) -> bool:
        return self.kind == "ebook" or self.stock > 0

    def gross_price(self) -> Decimal:
        return money(self.price * (1 + VAT_RATES[self.kind]))


@dataclass
class Customer:
    id: int
    email: str
    name: str
    password_hash: str
    loyalty_points: int = 0
    addresses: list[dict[str, str]] = field(default_factory=list)

    def check_password(self, password: str) -> bool:
        return self.password_hash == hash_password(password, self.email)


@dataclass
class CartLine:
    book_id: int
    quantity: int


@dataclass
class Cart:
    customer_id: int
    lines: list[CartLine] = field(default_factory=list)
    coupon: Optional[str] = None

    def quantity_of(self, book_id: int) -> int:
        return sum(line.quantity for line in self.lines if line.book_id == book_id)

    def is_empty(self) -> bool:
        return not self.lines


@dataclass
class OrderLine:
    book_id: int
    title: str
    quantity: int
    unit_price: Decimal

    @property
    def total(self) -> Decimal:
        return money(self.unit_price * self.quantity)


@dataclass
class Order:
    id: int
    customer_id: int
    lines: list[OrderLine]
    shipping: Decimal
    discount: Decimal = Decimal("0.00")
    state: str = "open"
    created: dt.datetime = field(default_factory=dt.datetime.now)
    history: list[tuple[str, str]] = field(default_factory=list)

    @property
    def subtotal(self) -> Decimal:
        return money(sum((line.total for line in self.lines), Decimal("0")))

    @property
    def total(self) -> Decimal:
        return money(self.subtotal - self.discount + self.shipping)


@dataclass
class Review:
    id: int
    book_id: int
    customer_id: int
    stars: int
    text: str
    helpful: int = 0


@dataclass
class Coupon:
    code: str
    percent: int
    min_total: Decimal = Decimal("0.00")
    uses_left: int = 1

    def applies_to(self, subtotal: Decimal) -> bool:
        return self.uses_left > 0 and subtotal >= self.min_total


# ---------------------------------------------------------------------------
# Store
# ---------------------------------------------------------------------------


class Store:
    """An in-memory store with one table per model and an id sequence each."""

    def __init__(self) -> None:
        self.tables: dict[str, dict[Any, Any]] = defaultdict(dict)
        self.sequences: Counter[str] = Counter()

    def next_id(self, table: str) -> int:
        self.sequences[table] += 1
        return self.sequences[table]

    def add(self, table: str, key: Any, row: Any) -> Any:
        self.tables[table][key] = row
        return row

    def get(self, table: str, key: Any) -> Any:
        try:
            return self.tables[table][key]
        except KeyError:
            raise NotFound(f"no {table} with id {key}", table=table, id=key) from None

    def find(self, table: str, predicate: Callable[[Any], bool]) -> list[Any]:
        return [row for row in self.tables[table].values() if predicate(row)]

    def all(self, table: str) -> list[Any]:
        return list(self.tables[table].values())

    def delete(self, table: str, key: Any) -> None:
        self.tables[table].pop(key, None)


def hash_password(password: str, salt: str) -> str:
    """A salted SHA-256 of the password (the demo shop does not need bcrypt)."""
    return hashlib.sha256((salt.lower() + ":" + password).encode()).hexdigest()


def slugify(text: str) -> str:
    """`The Name of the Rose` -> `the-name-of-the-rose`."""
    text = re.sub(r"[^\w\s-]", "", text.lower())
    return re.sub(r"[\s_-]+", "-", text).strip("-")


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------


def require(data: dict[str, Any], *keys: str) -> None:
    missing = [key for key in keys if key not in data or data[key] in (None, "")]
    if missing:
        raise ValidationError("missing fields", fields=missing)


def valid_isbn(isbn: str) -> bool:
    digits = isbn.replace("-", "")
    if not ISBN_PATTERN.match(digits):
        return False
    if len(digits) == 13:
        total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits))
        return total % 10 == 0
    total = sum((10 - i) * (10 if d == "X" else int(d)) for i, d in enumerate(digits))
    return total % 11 == 0


def valid_email(email: str) -> bool:
    return bool(EMAIL_PATTERN.match(email))


def parse_quantity(value: Any) -> int:
    try:
        quantity = int(value)
    except (TypeError, ValueError):
        raise ValidationError("quantity must be a whole number", value=value) from None
    if not 1 <= quantity <= 99:
        raise ValidationError("quantity must be between 1 and 99", value=quantity)
    return quantity


def parse_price(value: Any) -> Decimal:
    try:
        price = money(value)
    except ArithmeticError:
        raise ValidationError("price is not a number", value=value) from None
    if price <= 0:
        raise ValidationError("price must be positive", value=str(price))
    return price


# ---------------------------------------------------------------------------
# Catalogue services
# ---------------------------------------------------------------------------


def add_author(store: Store, data: dict[str, Any]) -> Author:
    require(data, "name")
    author = Author(store.next_id("authors"), data["name"].strip(), data.get("born"), data.get("bio", ""))
    return store.add("authors", author.id, author)


def add_book(store: Store, data: dict[str, Any]) -> Book:
    require(data, "isbn", "title", "author_id", "price")
    isbn = data["isbn"].replace("-", "")
    if not valid_isbn(isbn):
        raise ValidationError("invalid ISBN", isbn=data["isbn"])
    if store.find("books", lambda b: b.isbn == isbn):
        raise Conflict("a book with this ISBN exists", isbn=isbn)
    store.get("authors", data["author_id"])
    kind = data.get("kind", "book")
    if kind not in VAT_RATES:
        raise ValidationError("unknown kind", kind=kind)
    book = Book(
        id=store.next_id("books"),
        isbn=isbn,
        title=data["title"].strip(),
        author_id=data["author_id"],
        price=parse_price(data["price"]),
        kind=kind,
        stock=int(data.get("stock", 0)),
        tags=sorted({tag.lower() for tag in data.get("tags", [])}),
    )
    return store.add("books", book.id, book)


def restock(store: Store, book_id: int, quantity: int) -> Book:
    book = store.get("books", book_id)
    if book.kind == "ebook":
        raise Conflict("ebooks have no stock", book_id=book_id)
    book.stock += parse_quantity(quantity)
    log.info("restocked %s to %d", book.isbn, book.stock)
    return book


def search_books(store: Store, query: str = "", tag: str = "", available_only: bool = False) -> list[Book]:
    words = [word for word in query.lower().split() if word]
    authors = {author.id: author.name.lower() for author in store.all("authors")}

    def matches(book: Book) -> bool:
        haystack = f"{book.title.lower()} {authors.get(book.author_id, '')}"
        if any(word not in haystack for word in words):
            return False
        if tag and tag.lower() not in book.tags:
            return False
        return book.available or not available_only

    return sorted(store.find("books", matches), key=lambda book: book.title)


def paginate(items: list[Any], page: int, size: int = PAGE_SIZE) -> dict[str, Any]:
    page = max(page, 1)
    start = (page - 1) * size
    return {
        "page": page,
        "pages": max((len(items) + size - 1) // size, 1),
        "items": items[start : start + size],
    }


def books_by_author(store: Store, author_id: int) -> list[Book]:
    store.get("authors", author_id)
    return sorted(store.find("books", lambda b: b.author_id == author_id), key=lambda b: b.title)


def tag_cloud(store: Store, limit: int = 20) -> list[tuple[str, int]]:
    counts = Counter(tag for book in store.all("books") for tag in book.tags)
    return counts.most_common(limit)


# ---------------------------------------------------------------------------
# Customer services
# ---------------------------------------------------------------------------


def register_customer(store: Store, data: dict[str, Any]) -> Customer:
    require(data, "email", "name", "password")
    email = data["email"].strip().lower()
    if not valid_email(email):
        raise ValidationError("invalid e-mail address", email=email)
    if store.find("customers", lambda c: c.email == email):
        raise Conflict("this e-mail address is registered already", email=email)
    if len(data["password"]) < 8:
        raise ValidationError("password must have at least 8 characters")
    customer = Customer(store.next_id("customers"), email, data["name"].strip(), hash_password(data["password"], email))
    return store.add("customers", customer.id, customer)


def authenticate(store: Store, email: str, password: str) -> Customer:
    found = store.find("customers", lambda c: c.email == email.strip().lower())
    if not found or not found[0].check_password(password):
        raise ShopError("wrong e-mail address or password", status=401)
    return found[0]


def add_address(store: Store, customer_id: int, address: dict[str, str]) -> Customer:
    require(address, "street", "city", "country")
    customer = store.get("customers", customer_id)
    customer.addresses.append({key: address[key].strip() for key in ("street", "city", "country")})
    return customer


def award_points(customer: Customer, order: Order) -> int:
    points = int(order.subtotal // 5)
    customer.loyalty_points += points
    return points


# ---------------------------------------------------------------------------
# Cart and checkout services
# ---------------------------------------------------------------------------


def cart_for(store: Store, customer_id: int) -> Cart:
    store.get("customers", customer_id)
    carts = store.tables["carts"]
    if customer_id not in carts:
        carts[customer_id] = Cart(customer_id)
    return carts[customer_id]


def add_to_cart(store: Store, customer_id: int, book_id: int, quantity: Any) -> Cart:
    cart = cart_for(store, customer_id)
    book = store.get("books", book_id)
    wanted = cart.quantity_of(book_id) + parse_quantity(quantity)
    if book.kind != "ebook" and wanted > book.stock:
        raise Conflict("not enough stock", book_id=book_id, stock=book.stock)
    if len(cart.lines) >= MAX_CART_LINES and not cart.quantity_of(book_id):
        raise Conflict("the cart is full", limit=MAX_CART_LINES)
    cart.lines = [line for line in cart.lines if line.book_id != book_id]
    cart.lines.append(CartLine(book_id, wanted))
    return cart


def remove_from_cart(store: Store, customer_id: int, book_id: int) -> Cart:
    cart = cart_for(store, customer_id)
    cart.lines = [line for line in cart.lines if line.book_id != book_id]
    return cart


def apply_coupon(store: Store, customer_id: int, code: str) -> Cart:
    cart = cart_for(store, customer_id)
    coupon = store.tables["coupons"].get(code.upper())
    if coupon is None:
        raise NotFound("no such coupon", code=code)
    cart.coupon = coupon.code
    return cart


def price_lines(store: Store, cart: Cart) -> list[OrderLine]:
    lines = []
    for line in cart.lines:
        book = store.get("books", line.book_id)
        lines.append(OrderLine(book.id, book.title, line.quantity, book.gross_price()))
    return lines


def shipping_cost(lines: Iterable[OrderLine]) -> Decimal:
    lines = list(lines)
    if all(store_kind(line) == "ebook" for line in lines):
        return Decimal("0.00")
    subtotal = sum((line.total for line in lines), Decimal("0"))
    return Decimal("0.00") if subtotal >= FREE_SHIPPING_FROM else SHIPPING_FLAT


def store_kind(line: OrderLine) -> str:
    """The kind of an order line's book, read from its title marker (`[ebook]`)."""
    return "ebook" if line.title.endswith("[ebook]") else "book"


def coupon_discount(store: Store, cart: Cart, subtotal: Decimal) -> Decimal:
    if not cart.coupon:
        return Decimal("0.00")
    coupon = store.tables["coupons"][cart.coupon]
    if not coupon.applies_to(subtotal):
        return Decimal("0.00")
    return money(subtotal * coupon.percent / 100)


def quote(store: Store, customer_id: int) -> dict[str, Any]:
    cart = cart_for(store, customer_id)
    lines = price_lines(store, cart)
    subtotal = money(sum((line.total for line in lines), Decimal("0")))
    discount = coupon_discount(store, cart, subtotal)
    shipping = shipping_cost(lines)
    return {
        "lines": [serialize_line(line) for line in lines],
        "subtotal": str(subtotal),
        "discount": str(discount),
        "shipping": str(shipping),
        "total": str(money(subtotal - discount + shipping)),
        "currency": CURRENCY,
    }


def checkout(store: Store, customer_id: int) -> Order:
    cart = cart_for(store, customer_id)
    if cart.is_empty():
        raise Conflict("the cart is empty")
    lines = price_lines(store, cart)
    for line in lines:
        book = store.get("books", line.book_id)
        if book.kind != "ebook" and book.stock < line.quantity:
            raise Conflict("not enough stock", book_id=book.id, stock=book.stock)
    subtotal = money(sum((line.total for line in lines), Decimal("0")))
    discount = coupon_discount(store, cart, subtotal)
    order = Order(store.next_id("orders"), customer_id, lines, shipping_cost(lines), discount)
    for line in lines:
        book = store.get("books", line.book_id)
        if book.kind != "ebook":
            book.stock -= line.quantity
    if cart.coupon and discount:
        store.tables["coupons"][cart.coupon].uses_left -= 1
    store.tables["carts"].pop(customer_id, None)
    order.history.append(("open", "order placed"))
    log.info("order %d placed by customer %d", order.id, customer_id)
    return store.add("orders", order.id, order)


# ---------------------------------------------------------------------------
# Order services
# ---------------------------------------------------------------------------


def move_order(store: Store, order_id: int, state: str, note: str = "") -> Order:
    order = store.get("orders", order_id)
    if state not in ORDER_STATES:
        raise ValidationError("unknown state", state=state)
    if state not in ALLOWED_TRANSITIONS[order.state]:
        raise Conflict("cannot move the order there", state=order.state, wanted=state)
    order.state = state
    order.history.append((state, note or f"moved to {state}"))
    if state == "paid":
        award_points(store.get("customers", order.customer_id), order)
    if state in ("cancelled", "refunded"):
        return_stock(store, order)
    return order


def return_stock(store: Store, order: Order) -> None:
    for line in order.lines:
        book = store.get("books", line.book_id)
        if book.kind != "ebook":
            book.stock += line.quantity


def orders_of(store: Store, customer_id: int) -> list[Order]:
    return sorted(store.find("orders", lambda o: o.customer_id == customer_id), key=lambda o: o.id)


def invoice_text(store: Store, order_id: int) -> str:
    order = store.get("orders", order_id)
    customer = store.get("customers", order.customer_id)
    rows = [f"Invoice {order.id:06d} for {customer.name} <{customer.email}>", ""]
    for line in order.lines:
        rows.append(f"{line.quantity:>3} x {line.title:<40} {line.total:>9} {CURRENCY}")
    rows.append("")
    rows.append(f"{'Subtotal':<46} {order.subtotal:>9} {CURRENCY}")
    if order.discount:
        rows.append(f"{'Discount':<46} {-order.discount:>9} {CURRENCY}")
    rows.append(f"{'Shipping':<46} {order.shipping:>9} {CURRENCY}")
    rows.append(f"{'Total':<46} {order.total:>9} {CURRENCY}")
    return "\n".join(rows) + "\n"


# ---------------------------------------------------------------------------
# Reviews
# ---------------------------------------------------------------------------


def add_review(store: Store, customer_id: int, book_id: int, data: dict[str, Any]) -> Review:
    require(data, "stars", "text")
    store.get("books", book_id)
    stars = int(data["stars"])
    if not 1 <= stars <= 5:
        raise ValidationError("stars must be between 1 and 5", stars=stars)
    bought = any(
        line.book_id == book_id
        for order in orders_of(store, customer_id)
        if order.state in ("paid", "shipped", "delivered")
        for line in order.lines
    )
    if not bought:
        raise Conflict("only buyers can review a book", book_id=book_id)
    if store.find("reviews", lambda r: r.book_id == book_id and r.customer_id == customer_id):
        raise Conflict("you reviewed this book already", book_id=book_id)
    review = Review(store.next_id("reviews"), book_id, customer_id, stars, data["text"].strip())
    return store.add("reviews", review.id, review)


def rating(store: Store, book_id: int) -> Optional[float]:
    stars = [review.stars for review in store.find("reviews", lambda r: r.book_id == book_id)]
    return round(sum(stars) / len(stars), 1) if stars else None


def mark_helpful(store: Store, review_id: int) -> Review:
    review = store.get("reviews", review_id)
    review.helpful += 1
    return review


def top_rated(store: Store, limit: int = 5, minimum_reviews: int = 1) -> list[tuple[Book, float]]:
    scored = []
    for book in store.all("books"):
        reviews = store.find("reviews", lambda r, b=book: r.book_id == b.id)
        if len(reviews) >= minimum_reviews:
            scored.append((book, rating(store, book.id) or 0.0))
    return sorted(scored, key=lambda pair: (-pair[1], pair[0].title))[:limit]


# ---------------------------------------------------------------------------
# Recommendations and reports
# ---------------------------------------------------------------------------


def bought_together(store: Store, book_id: int, limit: int = 3) -> list[Book]:
    counts: Counter[int] = Counter()
    for order in store.all("orders"):
        ids = {line.book_id for line in order.lines}
        if book_id in ids:
            counts.update(ids - {book_id})
    return [store.get("books", other) for other, _ in counts.most_common(limit)]


def recommend_for(store: Store, customer_id: int, limit: int = 5) -> list[Book]:
    owned = {line.book_id for order in orders_of(store, customer_id) for line in order.lines}
    liked_tags = Counter(tag for book_id in owned for tag in store.get("books", book_id).tags)
    candidates = [book for book in store.all("books") if book.id not in owned and book.available]
    scored = sorted(candidates, key=lambda b: (-sum(liked_tags[t] for t in b.tags), b.title))
    return scored[:limit]


def sales_report(store: Store, since: Optional[dt.date] = None) -> dict[str, Any]:
    orders = [
        order
        for order in store.all("orders")
        if order.state in ("paid", "shipped", "delivered")
        and (since is None or order.created.date() >= since)
    ]
    revenue = money(sum((order.total for order in orders), Decimal("0")))
    per_book: Counter[str] = Counter()
    for order in orders:
        for line in order.lines:
            per_book[line.title] += line.quantity
    return {
        "orders": len(orders),
        "revenue": str(revenue),
        "best_sellers": per_book.most_common(5),
        "currency": CURRENCY,
    }


def low_stock(store: Store, threshold: int = 3) -> list[Book]:
    return sorted(
        (book for book in store.all("books") if book.kind != "ebook" and book.stock <= threshold),
        key=lambda book: (book.stock, book.title),
    )


# ---------------------------------------------------------------------------
# Serialization
# ---------------------------------------------------------------------------


def to_jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: to_jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(item) for item in value]
    return value


def serialize_book(store: Store, book: Book) -> dict[str, Any]:
    author = store.get("authors", book.author_id)
    data = to_jsonable(asdict(book))
    data.update(author=author.name, gross_price=str(book.gross_price()), rating=rating(store, book.id))
    return data


def serialize_line(line: OrderLine) -> dict[str, Any]:
    return {"book_id": line.book_id, "title": line.title, "quantity": line.quantity, "total": str(line.total)}


def serialize_order(order: Order) -> dict[str, Any]:
    return {
        "id": order.id,
        "state": order.state,
        "lines": [serialize_line(line) for line in order.lines],
        "subtotal": str(order.subtotal),
        "discount": str(order.discount),
        "shipping": str(order.shipping),
        "total": str(order.total),
        "history": [list(step) for step in order.history],
    }


def serialize_customer(customer: Customer) -> dict[str, Any]:
    return {
        "id": customer.id,
        "email": customer.email,
        "name": customer.name,
        "loyalty_points": customer.loyalty_points,
        "addresses": list(customer.addresses),
    }


# ---------------------------------------------------------------------------
# Routing
# ---------------------------------------------------------------------------

Response = tuple[int, Any]
Handler = Callable[..., Response]


class Router:
    """Maps `(method, path pattern)` to handlers; `{name}` parts of a pattern are ints."""

    def __init__(self) -> None:
        self.routes: list[tuple[str, re.Pattern[str], Handler]] = []

    def route(self, method: str, pattern: str) -> Callable[[Handler], Handler]:
        regex = re.compile("^" + re.sub(r"\{(\w+)\}", r"(?P<\1>\\d+)", pattern) + "$")

        def register(handler: Handler) -> Handler:
            self.routes.append((method.upper(), regex, handler))
            return handler

        return register

    def get(self, pattern: str) -> Callable[[Handler], Handler]:
        return self.route("GET", pattern)

    def post(self, pattern: str) -> Callable[[Handler], Handler]:
        return self.route("POST", pattern)

    def delete(self, pattern: str) -> Callable[[Handler], Handler]:
        return self.route("DELETE", pattern)

    def resolve(self, method: str, path: str) -> tuple[Handler, dict[str, int]]:
        allowed = False
        for verb, regex, handler in self.routes:
            match = regex.match(path)
            if match and verb == method.upper():
                return handler, {key: int(value) for key, value in match.groupdict().items()}
            allowed = allowed or bool(match)
        if allowed:
            raise ShopError("method not allowed", status=405)
        raise NotFound("no such page", path=path)


router = Router()


@dataclass
class Request:
    method: str
    path: str
    body: dict[str, Any] = field(default_factory=dict)
    query: dict[str, str] = field(default_factory=dict)
    customer_id: Optional[int] = None


def current_customer(request: Request) -> int:
    if request.customer_id is None:
        raise ShopError("log in first", status=401)
    return request.customer_id


# Catalogue routes


@router.get("/books")
def list_books(store: Store, request: Request) -> Response:
    books = search_books(
        store,
        request.query.get("q", ""),
        request.query.get("tag", ""),
        request.query.get("available") == "1",
    )
    page = paginate([serialize_book(store, book) for book in books], int(request.query.get("page", 1)))
    return 200, page


@router.get("/books/{book_id}")
def show_book(store: Store, request: Request, book_id: int) -> Response:
    book = store.get("books", book_id)
    data = serialize_book(store, book)
    data["bought_together"] = [other.title for other in bought_together(store, book_id)]
    return 200, data


@router.post("/books")
def create_book(store: Store, request: Request) -> Response:
    return 201, serialize_book(store, add_book(store, request.body))


@router.post("/books/{book_id}/stock")
def stock_book(store: Store, request: Request, book_id: int) -> Response:
    book = restock(store, book_id, request.body.get("quantity"))
    return 200, {"id": book.id, "stock": book.stock}


@router.post("/authors")
def create_author(store: Store, request: Request) -> Response:
    author = add_author(store, request.body)
    return 201, {"id": author.id, "name": author.name, "slug": author.slug()}


@router.get("/authors/{author_id}/books")
def author_books(store: Store, request: Request, author_id: int) -> Response:
    return 200, [serialize_book(store, book) for book in books_by_author(store, author_id)]


@router.get("/tags")
def tags(store: Store, request: Request) -> Response:
    return 200, [{"tag": tag, "count": count} for tag, count in tag_cloud(store)]


# Customer routes


@router.post("/customers")
def sign_up(store: Store, request: Request) -> Response:
    return 201, serialize_customer(register_customer(store, request.body))


@router.post("/login")
def log_in(store: Store, request: Request) -> Response:
    customer = authenticate(store, request.body.get("email", ""), request.body.get("password", ""))
    return 200, {"customer_id": customer.id, "token": hash_password(str(customer.id), customer.email)[:16]}


@router.post("/me/addresses")
def new_address(store: Store, request: Request) -> Response:
    customer = add_address(store, current_customer(request), request.body)
    return 201, serialize_customer(customer)


@router.get("/me")
def me(store: Store, request: Request) -> Response:
    return 200, serialize_customer(store.get("customers", current_customer(request)))


@router.get("/me/recommendations")
def my_recommendations(store: Store, request: Request) -> Response:
    books = recommend_for(store, current_customer(request))
    return 200, [serialize_book(store, book) for book in books]


# Cart and order routes


@router.get("/cart")
def show_cart(store: Store, request: Request) -> Response:
    return 200, quote(store, current_customer(request))


@router.post("/cart")
def put_in_cart(store: Store, request: Request) -> Response:
    require(request.body, "book_id")
    add_to_cart(store, current_customer(request), int(request.body["book_id"]), request.body.get("quantity", 1))
    return 200, quote(store, current_customer(request))


@router.delete("/cart/{book_id}")
def take_out_of_cart(store: Store, request: Request, book_id: int) -> Response:
    remove_from_cart(store, current_customer(request), book_id)
    return 200, quote(store, current_customer(request))


@router.post("/cart/coupon")
def use_coupon(store: Store, request: Request) -> Response:
    require(request.body, "code")
    apply_coupon(store, current_customer(request), request.body["code"])
    return 200, quote(store, current_customer(request))


@router.post("/orders")
def place_order(store: Store, request: Request) -> Response:
    return 201, serialize_order(checkout(store, current_customer(request)))


@router.get("/orders")
def my_orders(store: Store, request: Request) -> Response:
    return 200, [serialize_order(order) for order in orders_of(store, current_customer(request))]


@router.post("/orders/{order_id}/state")
def change_order_state(store: Store, request: Request, order_id: int) -> Response:
    require(request.body, "state")
    order = move_order(store, order_id, request.body["state"], request.body.get("note", ""))
    return 200, serialize_order(order)


@router.get("/orders/{order_id}/invoice")
def invoice(store: Store, request: Request, order_id: int) -> Response:
    order = store.get("orders", order_id)
    if order.customer_id != current_customer(request):
        raise NotFound("no such order", id=order_id)
    return 200, invoice_text(store, order_id)


# Review and report routes


@router.post("/books/{book_id}/reviews")
def review_book(store: Store, request: Request, book_id: int) -> Response:
    review = add_review(store, current_customer(request), book_id, request.body)
    return 201, asdict(review)


@router.post("/reviews/{review_id}/helpful")
def helpful(store: Store, request: Request, review_id: int) -> Response:
    return 200, {"helpful": mark_helpful(store, review_id).helpful}


@router.get("/top")
def top(store: Store, request: Request) -> Response:
    return 200, [{"title": book.title, "rating": score} for book, score in top_rated(store)]


@router.get("/reports/sales")
def sales(store: Store, request: Request) -> Response:
    since = request.query.get("since")
    day = dt.date.fromisoformat(since) if since else None
    return 200, sales_report(store, day)


@router.get("/reports/low-stock")
def stock_report(store: Store, request: Request) -> Response:
    return 200, [{"title": b.title, "stock": b.stock} for b in low_stock(store)]


# ---------------------------------------------------------------------------
# Application
# ---------------------------------------------------------------------------


class App:
    """The shop: a store and the router's handlers, called with plain requests."""

    def __init__(self, store: Optional[Store] = None) -> None:
        self.store = store or Store()

    def handle(self, request: Request) -> Response:
        try:
            handler, params = router.resolve(request.method, request.path)
            status, body = handler(self.store, request, **params)
        except ShopError as error:
            status = error.details.pop("status", error.status)
            return status, error.to_dict()
        return status, to_jsonable(body)

    def call(self, method: str, path: str, body: Optional[dict[str, Any]] = None, **options: Any) -> Response:
        query = {key: str(value) for key, value in options.pop("query", {}).items()}
        return self.handle(Request(method, path, body or {}, query, options.get("customer_id")))

    def dump(self) -> str:
        tables = {name: [to_jsonable(asdict(row)) for row in rows.values() if hasattr(row, "__dataclass_fields__")] for name, rows in self.store.tables.items()}
        return json.dumps(tables, sort_keys=True, indent=2)


def seed(store: Store) -> Store:
    """A few authors, books and a coupon, as the demo shop starts with."""
    eco = add_author(store, {"name": "Umberto Eco", "born": 1932})
    le_guin = add_author(store, {"name": "Ursula K. Le Guin", "born": 1929})
    add_book(store, {"isbn": "9780156001311", "title": "The Name of the Rose", "author_id": eco.id, "price": "12.50", "stock": 5, "tags": ["Mystery", "History"]})
    add_book(store, {"isbn": "9780441478125", "title": "The Left Hand of Darkness", "author_id": le_guin.id, "price": "9.99", "stock": 2, "tags": ["SF"]})
    add_book(store, {"isbn": "9780547773742", "title": "A Wizard of Earthsea [ebook]", "author_id": le_guin.id, "price": "6.99", "kind": "ebook", "tags": ["Fantasy"]})
    store.tables["coupons"]["WELCOME10"] = Coupon("WELCOME10", 10, Decimal("20.00"), uses_left=100)
    return store


def create_app(seeded: bool = True) -> App:
    """A new shop, with the demo data unless `seeded` is false."""
    store = Store()
    return App(seed(store) if seeded else store)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    shop = create_app()
    print(json.dumps(shop.call("GET", "/books")[1], indent=2))
