from legacy_shop.orders import OrderManager

VERSION = "3.7.2"
