from dagger_nb.cli import main, build_parser


def test_no_command_prints_help_and_fails(capsys):
    assert main([]) == 2
    assert "dagger-nb" in capsys.readouterr().out


def test_parser_knows_its_program_name():
    assert build_parser().prog == "dagger-nb"
