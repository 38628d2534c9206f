"""Helpers shared by test folders: the scripted model server and its pytest fixture."""
