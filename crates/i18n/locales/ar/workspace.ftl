# The workspace's profile page, workshop and policy-cycle words. Keys begin with ws-.
