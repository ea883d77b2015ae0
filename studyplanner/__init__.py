"""Study Planner: an offline planner for medical coding learners and certified coders."""

__version__ = "0.1.0"
