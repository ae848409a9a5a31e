import pytest

pytest.main(["-q", "."])
