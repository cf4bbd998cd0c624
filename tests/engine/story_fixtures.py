"""Two reports of one made-up flood, shared by the story tests (test_story.py, test_story_copies.py)."""

A = """Flood kills 12 in Riverton

A flash flood swept through the town of Riverton on Monday, killing 12 people and destroying more \
than 200 homes, police said.
The Marlow River burst its banks after three days of heavy rain, the regional weather office said.
Rescue teams from the Red Cross evacuated 3,000 residents to schools on higher ground.
Mayor Ellen Varga called the flood the worst disaster in the town's history.
"""
B = """Riverton flood toll rises

The death toll from the flash flood in Riverton rose to 40 on Tuesday, police said, after rescuers \
found more bodies in the mud.
The Marlow River burst its banks on Monday after three days of heavy rain.
The Red Cross said it had evacuated 3,000 residents to schools on higher ground.
Insurers estimate the damage at $50 million.
"""
