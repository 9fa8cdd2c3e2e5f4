"""Writes the small tables TableRunTest trains on (seeded: rerunning writes the same files).

houses.csv: a regression. price = 2 * area + 15 * rooms + district offset + noise, with a categorical
column (district: north, south, west) that one-hot encoding must handle.
fruit.csv: a classification of three fruits from their weight, sweetness and colour (a category).
Run from this directory: python3 make_tables.py
"""
import numpy as np

rng = np.random.default_rng(25)
n = 300
area = rng.uniform(40, 200, n).round(1)
rooms = rng.integers(1, 7, n)
district = rng.choice(["north", "south", "west"], n)
offset = {"north": 100.0, "south": -50.0, "west": 0.0}
price = 2 * area + 15 * rooms + np.array([offset[d] for d in district]) + rng.normal(0, 10, n)
with open("houses.csv", "w") as f:
    f.write("area,rooms,district,price\n")
    for a, r, d, p in zip(area, rooms, district, price):
        f.write(f"{a},{r},{d},{p:.2f}\n")

fruits = {"apple": (150, 6, "red"), "banana": (120, 8, "yellow"), "lime": (60, 2, "green")}
with open("fruit.csv", "w") as f:
    f.write("weight,sweetness,colour,fruit\n")
    for i in range(240):
        name = list(fruits)[i % 3]
        weight, sweet, colour = fruits[name]
        if rng.random() < 0.1:
            colour = rng.choice(["red", "yellow", "green"])
        f.write(f"{weight + rng.normal(0, 15):.1f},{sweet + rng.normal(0, 1):.2f},{colour},{name}\n")
