"""Joint cases worked by department desks (issue 16): the intake window and three department
desks against one real records service."""
