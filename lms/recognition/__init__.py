"""Recognition of learning citizens, families, clans, communities and units."""
