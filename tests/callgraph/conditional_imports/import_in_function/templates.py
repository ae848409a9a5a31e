def page(name):
    return "<html>" + name + "</html>"
