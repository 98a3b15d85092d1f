"""Qt item models over core data; widgets only display them."""
