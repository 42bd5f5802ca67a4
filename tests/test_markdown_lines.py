"""The one reading of code fences that the line-by-line page checks share."""

from tools.markdown_lines import outside_code

PAGE = """# Title
````markdown
```python
## not a heading: shown inside a longer fence
```
````
## Heading
~~~
[not a link](x.md)
~~~
Text
""".splitlines()


def test_lines_inside_fences_and_the_fences_are_skipped():
    assert list(outside_code(PAGE)) == [(1, "# Title"), (7, "## Heading"), (11, "Text")]


def test_numbers_count_from_the_first_line_read():
    assert list(outside_code(PAGE, start=7)) == [(7, "## Heading"), (11, "Text")]
