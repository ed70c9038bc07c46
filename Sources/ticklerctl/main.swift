import TicklerControl

await Ticklerctl.start()
