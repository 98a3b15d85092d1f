"""The models on this machine: registering, finding, removing them."""
