from aftersales.cli import app

app()
