"""The bookshop's own tests: run before and after `acolyte-gates split bookshop/app.py`."""

from decimal import Decimal

import pytest

from bookshop import create_app
from bookshop.app import (
    ISBN_PATTERN,
    Book,
    Conflict,
    Store,
    add_book,
    hash_password,
    router,
    shipping_cost,
    slugify,
    valid_isbn,
)


@pytest.fixture
def shop():
    return create_app()


def signed_up(shop):
    status, body = shop.call("POST", "/customers", {"email": "ann@example.org", "name": "Ann", "password": "correct horse"})
    assert status == 201
    return body["id"]


def test_catalogue_lists_and_searches(shop):
    status, page = shop.call("GET", "/books")
    assert status == 200 and page["pages"] == 1
    assert [book["title"] for book in page["items"]][:1] == ["A Wizard of Earthsea [ebook]"]
    status, page = shop.call("GET", "/books", query={"q": "eco rose"})
    assert [book["title"] for book in page["items"]] == ["The Name of the Rose"]
    status, page = shop.call("GET", "/books", query={"tag": "sf"})
    assert len(page["items"]) == 1


def test_book_prices_include_vat(shop):
    status, book = shop.call("GET", "/books/1")
    assert status == 200
    assert book["gross_price"] == "13.38"  # 12.50 + 7 %
    assert book["author"] == "Umberto Eco"


def test_unknown_pages_and_methods(shop):
    assert shop.call("GET", "/nowhere")[0] == 404
    assert shop.call("DELETE", "/books")[0] == 405
    assert shop.call("GET", "/books/99")[0] == 404


def test_new_books_are_validated(shop):
    status, body = shop.call("POST", "/books", {"isbn": "123", "title": "X", "author_id": 1, "price": "1"})
    assert status == 422 and body["error"] == "invalid ISBN"
    status, body = shop.call("POST", "/books", {"isbn": "9780156001311", "title": "Y", "author_id": 1, "price": "2"})
    assert status == 409
    status, body = shop.call("POST", "/books", {"isbn": "9780099466031", "title": "Baudolino", "author_id": 1, "price": "11"})
    assert status == 201 and body["isbn"] == "9780099466031"


def test_isbn_checks():
    assert valid_isbn("978-0-15-600131-1")
    assert valid_isbn("0441478123")
    assert not valid_isbn("9780156001312")
    assert ISBN_PATTERN.match("0441478123")


def test_authors_and_tags(shop):
    status, author = shop.call("POST", "/authors", {"name": "Italo Calvino"})
    assert status == 201 and author["slug"] == "italo-calvino"
    status, books = shop.call("GET", "/authors/2/books")
    assert [book["title"] for book in books] == ["A Wizard of Earthsea [ebook]", "The Left Hand of Darkness"]
    status, tags = shop.call("GET", "/tags")
    assert {"tag": "sf", "count": 1} in tags


def test_sign_up_and_log_in(shop):
    customer = signed_up(shop)
    status, body = shop.call("POST", "/login", {"email": "ANN@example.org", "password": "correct horse"})
    assert status == 200 and body["customer_id"] == customer
    assert shop.call("POST", "/login", {"email": "ann@example.org", "password": "wrong"})[0] == 401
    assert shop.call("POST", "/customers", {"email": "ann@example.org", "name": "A", "password": "12345678"})[0] == 409
    assert shop.call("GET", "/me")[0] == 401


def test_cart_quote_and_checkout(shop):
    customer = signed_up(shop)
    status, cart = shop.call("POST", "/cart", {"book_id": 1, "quantity": 2}, customer_id=customer)
    assert status == 200 and cart["subtotal"] == "26.76" and cart["shipping"] == "3.95"
    status, cart = shop.call("POST", "/cart/coupon", {"code": "welcome10"}, customer_id=customer)
    assert cart["discount"] == "2.68" and cart["total"] == "28.03"
    status, order = shop.call("POST", "/orders", customer_id=customer)
    assert status == 201 and order["total"] == "28.03" and order["state"] == "open"
    status, book = shop.call("GET", "/books/1")
    assert book["stock"] == 3
    assert shop.call("POST", "/orders", customer_id=customer)[0] == 409


def test_stock_limits_the_cart(shop):
    customer = signed_up(shop)
    status, body = shop.call("POST", "/cart", {"book_id": 2, "quantity": 3}, customer_id=customer)
    assert status == 409 and body["stock"] == 2
    status, cart = shop.call("POST", "/cart", {"book_id": 3, "quantity": 5}, customer_id=customer)
    assert status == 200 and cart["shipping"] == "0.00"
    status, cart = shop.call("DELETE", "/cart/3", customer_id=customer)
    assert cart["lines"] == []


def test_order_life_cycle_awards_points_and_returns_stock(shop):
    customer = signed_up(shop)
    shop.call("POST", "/cart", {"book_id": 2, "quantity": 2}, customer_id=customer)
    order = shop.call("POST", "/orders", customer_id=customer)[1]
    status, paid = shop.call("POST", f"/orders/{order['id']}/state", {"state": "paid"})
    assert status == 200 and paid["history"][-1] == ["paid", "moved to paid"]
    assert shop.call("GET", "/me", customer_id=customer)[1]["loyalty_points"] == 4
    assert shop.call("POST", f"/orders/{order['id']}/state", {"state": "open"})[0] == 409
    shop.call("POST", f"/orders/{order['id']}/state", {"state": "refunded"})
    assert shop.call("GET", "/books/2")[1]["stock"] == 2


def test_invoice_is_only_for_the_buyer(shop):
    customer = signed_up(shop)
    shop.call("POST", "/cart", {"book_id": 1}, customer_id=customer)
    order = shop.call("POST", "/orders", customer_id=customer)[1]
    status, text = shop.call("GET", f"/orders/{order['id']}/invoice", customer_id=customer)
    assert status == 200 and text.startswith("Invoice 000001 for Ann")
    assert "Shipping" in text and "3.95" in text
    assert shop.call("GET", f"/orders/{order['id']}/invoice", customer_id=99)[0] == 404


def test_reviews_need_a_purchase(shop):
    customer = signed_up(shop)
    assert shop.call("POST", "/books/1/reviews", {"stars": 5, "text": "!"}, customer_id=customer)[0] == 409
    shop.call("POST", "/cart", {"book_id": 1}, customer_id=customer)
    order = shop.call("POST", "/orders", customer_id=customer)[1]
    shop.call("POST", f"/orders/{order['id']}/state", {"state": "paid"})
    status, review = shop.call("POST", "/books/1/reviews", {"stars": 4, "text": "Dense."}, customer_id=customer)
    assert status == 201 and review["stars"] == 4
    assert shop.call("POST", f"/reviews/{review['id']}/helpful")[1] == {"helpful": 1}
    assert shop.call("GET", "/top")[1] == [{"title": "The Name of the Rose", "rating": 4.0}]


def test_reports_and_recommendations(shop):
    customer = signed_up(shop)
    shop.call("POST", "/cart", {"book_id": 2, "quantity": 1}, customer_id=customer)
    order = shop.call("POST", "/orders", customer_id=customer)[1]
    shop.call("POST", f"/orders/{order['id']}/state", {"state": "paid"})
    report = shop.call("GET", "/reports/sales")[1]
    assert report["orders"] == 1 and report["best_sellers"] == [["The Left Hand of Darkness", 1]]
    assert shop.call("GET", "/reports/low-stock")[1] == [{"title": "The Left Hand of Darkness", "stock": 1}]
    titles = [book["title"] for book in shop.call("GET", "/me/recommendations", customer_id=customer)[1]]
    assert "The Left Hand of Darkness" not in titles


def test_helpers():
    assert slugify("The Name of the Rose!") == "the-name-of-the-rose"
    assert hash_password("x", "A@b.c") == hash_password("x", "a@b.c")
    assert shipping_cost([]) == Decimal("0.00")
    store = Store()
    with pytest.raises(Exception):
        add_book(store, {"isbn": "9780156001311", "title": "T", "author_id": 1, "price": "1"})
    assert issubclass(Conflict, Exception) and Book.__name__ == "Book"
    assert len(router.routes) == 25


def test_dump_is_json(shop):
    assert '"title": "The Name of the Rose"' in shop.dump()
