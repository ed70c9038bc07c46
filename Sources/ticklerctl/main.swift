print("ticklerctl")
