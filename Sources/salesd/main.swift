print("salesd")
